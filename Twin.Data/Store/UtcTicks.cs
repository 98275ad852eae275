using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Twin.Data.Store;

/// <summary>
/// Instants are stored as INTEGER UTC ticks: lossless (a restored engine compares timestamps
/// exactly), ordered as numbers, and cheap to index and to bucket by hour in SQL.
/// </summary>
internal static class UtcTicks
{
    public static ValueConverter<DateTimeOffset, long> Converter { get; } =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public static long From(DateTimeOffset at) => at.UtcTicks;

    public static object FromNullable(DateTimeOffset? at) => at is { } value ? value.UtcTicks : DBNull.Value;

    public static DateTimeOffset ToInstant(long ticks) => new(ticks, TimeSpan.Zero);
}
