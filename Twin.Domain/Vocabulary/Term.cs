namespace Twin.Domain.Vocabulary;

/// <summary>One word of the users' vocabulary: Chinese first (the hall's language), English complete.</summary>
public sealed record Term(string Zh, string En);
