import Gongwen

/// Batch conversion of many inputs to JSON Lines (see docs/BATCH.md).
public enum GongwenBatch {}
