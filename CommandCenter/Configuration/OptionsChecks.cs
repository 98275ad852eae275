using Microsoft.Extensions.Options;

namespace CommandCenter.Configuration;

/// <summary>
/// Options checked when the app starts (<c>ValidateOnStart</c>): a value that cannot work stops
/// the start with every problem named by its configuration key, instead of failing later, in the
/// middle of the night, on the first request that reads it.
/// </summary>
public static class OptionsChecks
{
    /// <summary>Adds <paramref name="problems"/> (one message per problem; none when the options work) as a start-up check.</summary>
    public static OptionsBuilder<T> CheckedAtStart<T>(this OptionsBuilder<T> builder, Func<T, IEnumerable<string>> problems) where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new Checks<T>(builder.Name, problems));
        return builder.ValidateOnStart();
    }

    /// <summary>For options classes that check themselves by throwing: the exception's message is the problem.</summary>
    public static IEnumerable<string> Thrown(Action validate)
    {
        try
        {
            validate();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return [ex.Message];
        }

        return [];
    }

    private sealed class Checks<T>(string? name, Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
