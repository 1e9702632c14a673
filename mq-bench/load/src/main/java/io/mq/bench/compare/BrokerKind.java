package io.mq.bench.compare;

/** The two brokers compared. */
enum BrokerKind {
    OURS("ours"),
    APACHE("apache");

    private final String label;

    BrokerKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
