package org.stracels;

public final class Main {
    public static void main(String[] args) {
        System.err.println("todo");
    }
}
