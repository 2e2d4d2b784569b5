package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.shop.db.Order;
import com.example.shop.db.OrderLineWhereUnique;
import com.example.shop.db.ShopClient;
import com.example.shop.db.Status;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdersTest {
    @Test
    void ordersRoundTripThroughSqlite() throws Exception {
        Path file = Path.of("target", "shop-test.db").toAbsolutePath();
        Files.deleteIfExists(file);
        try (ShopClient db = ShopClient.connect(b -> b.url("jdbc:sqlite:" + file))) {
            db.executeRaw("CREATE TABLE \"Customer\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,"
                    + " \"email\" TEXT NOT NULL, \"name\" TEXT)");
            db.executeRaw("CREATE UNIQUE INDEX \"Customer_email_key\" ON \"Customer\"(\"email\")");
            db.executeRaw("CREATE TABLE \"Order\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,"
                    + " \"status\" TEXT NOT NULL DEFAULT 'OPEN', \"total\" DECIMAL NOT NULL,"
                    + " \"customerId\" INTEGER NOT NULL, FOREIGN KEY (\"customerId\") REFERENCES \"Customer\" (\"id\")"
                    + " ON DELETE CASCADE ON UPDATE CASCADE)");
            db.executeRaw("CREATE TABLE \"OrderLine\" (\"orderId\" INTEGER NOT NULL, \"product\" TEXT NOT NULL,"
                    + " \"quantity\" INTEGER NOT NULL, PRIMARY KEY (\"orderId\", \"product\"), FOREIGN KEY"
                    + " (\"orderId\") REFERENCES \"Order\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE)");

            Orders orders = new Orders(db);
            Order first = orders.place("ada@example.com", List.of("tea", "scones"), new BigDecimal("7.50"));
            assertEquals(2, first.lines().size());
            assertEquals("ada@example.com", first.customer().email());
            assertEquals(Status.OPEN, first.status());
            Order second = orders.place("ada@example.com", List.of("jam"), new BigDecimal("3"));
            assertEquals(first.customerId(), second.customerId(), "connectOrCreate found the customer");

            orders.pay(first.id());
            assertEquals("paid", db.queryRaw("SELECT \"status\" FROM \"Order\" WHERE \"id\" = ?", first.id())
                    .get(0).get("status"), "the enum's @map value is stored");
            assertEquals(List.of(second.id()), orders.open("ada@example.com").stream().map(Order::id).toList());

            db.orderLine().update(OrderLineWhereUnique.orderId_product(first.id(), "tea"),
                    d -> d.quantity().increment(2));
            assertEquals(3, db.orderLine().findUniqueOrThrow(OrderLineWhereUnique.orderId_product(first.id(), "tea"))
                    .quantity());

            db.customer().deleteMany(w -> w.email().eq("ada@example.com"));
            assertEquals(0, db.order().count());
            assertEquals(0, db.orderLine().count());
        }
        assertTrue(Files.exists(file));
    }
}
