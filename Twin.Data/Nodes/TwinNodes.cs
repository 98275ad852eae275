namespace Twin.Data.Nodes;

/// <summary>What a node needs beside its own pipeline when several share one PostgreSQL store (docs/two-nodes.md).</summary>
public sealed record TwinNodes(WriterLease Lease, NodeSignals Signals, CommandInbox Inbox, NodeOptions Options);
