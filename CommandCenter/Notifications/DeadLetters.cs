namespace CommandCenter.Notifications;

/// <summary>A delivery that failed every try: what an admin sees (never the URL, which may hold a key) and can send again.</summary>
public sealed record DeadLetter(
    Guid Id, string Webhook, string? Organisation, NotificationKind Kind, string Key, string Title, DateTimeOffset FailedAt, int Attempts, string LastError)
{
    /// <summary>The body as it was sent, for the retry.</summary>
    internal string Body { get; init; } = string.Empty;
}

/// <summary>
/// The dead-letter list, held in memory (newest first, bounded by
/// <see cref="NotificationOptions.DeadLetterCapacity"/>): a restart empties it, which the README says.
/// </summary>
public sealed class DeadLetters(Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<DeadLetter> _letters = new();

    public IReadOnlyList<DeadLetter> List()
    {
        lock (_gate)
        {
            return [.. _letters];
        }
    }

    public void Add(DeadLetter letter)
    {
        lock (_gate)
        {
            _letters.AddFirst(letter);
            while (_letters.Count > options.Value.DeadLetterCapacity)
            {
                _letters.RemoveLast();
            }
        }
    }

    public DeadLetter? Find(Guid id)
    {
        lock (_gate)
        {
            return _letters.FirstOrDefault(l => l.Id == id);
        }
    }

    public void Remove(Guid id)
    {
        lock (_gate)
        {
            if (_letters.FirstOrDefault(l => l.Id == id) is { } letter)
            {
                _letters.Remove(letter);
            }
        }
    }
}
