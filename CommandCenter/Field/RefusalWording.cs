using Twin.Data.Boundary;

namespace CommandCenter.Field;

/// <summary>
/// A refusal in the request's language, with <paramref name="fallback"/> for one without a code. The
/// pages' wording answers it (registered with the web setup), so the field API speaks as the pages
/// do without this folder needing them.
/// </summary>
public delegate string RefusalWording(CommandOutcome outcome, string fallback);
