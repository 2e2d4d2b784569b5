package dev.sinew.cli;

/** Entry point of the {@code sinew} command. */
public final class SinewCommand {
    private SinewCommand() {}

    public static void main(String[] args) {
        System.out.println("sinew");
    }
}
