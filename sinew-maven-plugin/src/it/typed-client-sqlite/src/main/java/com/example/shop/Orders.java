package com.example.shop;

import com.example.shop.db.Order;
import com.example.shop.db.OrderWhereUnique;
import com.example.shop.db.ShopClient;
import com.example.shop.db.Status;
import java.math.BigDecimal;
import java.util.List;

/** Application code written against the generated client. */
public final class Orders {
    private final ShopClient db;

    public Orders(ShopClient db) {
        this.db = db;
    }

    /** Places an order for a customer (created on first order) with its lines, in one write. */
    public Order place(String email, List<String> products, BigDecimal total) {
        return db.order().create(o -> o
                        .total(total)
                        .customer(c -> c.connectOrCreate(com.example.shop.db.CustomerWhereUnique.email(email),
                                create -> create.email(email)))
                        .lines(lines -> products.forEach(p -> lines.create(l -> l.product(p).quantity(1)))),
                args -> args.include(i -> i.lines().customer()));
    }

    /** Marks an order paid. */
    public Order pay(int id) {
        return db.order().update(OrderWhereUnique.id(id), d -> d.status(Status.PAID));
    }

    /** The open orders of a customer, newest first. */
    public List<Order> open(String email) {
        return db.order().findMany(q -> q
                .where(w -> w.status().eq(Status.OPEN).customer().is(c -> c.email().eq(email)))
                .orderBy(o -> o.id().desc()));
    }
}
