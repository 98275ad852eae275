using System.Globalization;
using CommandCenter.Ingestion.Common;
using Twin.Data.Sensors;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// The query options this server implements ($top, $skip, $count, $orderby, $filter, $expand),
/// parsed and checked up front so that anything else is a 400 naming the option, never a silent
/// full answer.
/// </summary>
public sealed record StaQuery(int Top, int Skip, bool Count, IReadOnlyList<ObservationOrder> OrderBy, ObservationFilter? Filter, bool ExpandDatastream)
{
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;
    private const int MaxFilterLength = 2000;

    /// <summary>Parses the query; <paramref name="observations"/> says whether $filter, $orderby on results and $expand=Datastream apply.</summary>
    public static StaQuery? Parse(IQueryCollection query, bool observations, out string? problem)
    {
        problem = null;
        foreach (var key in query.Keys.Where(k => k.StartsWith('$')))
        {
            if (key is not ("$top" or "$skip" or "$count" or "$orderby" or "$filter" or "$expand"))
            {
                problem = $"Query option {key} is not supported here (supported: $top, $skip, $count, $orderby, $filter, $expand).";
                return null;
            }

            if (query[key].Count > 1)
            {
                problem = $"Query option {key} is given more than once.";
                return null;
            }
        }

        var top = DefaultTop;
        if (query.TryGetValue("$top", out var topText) && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top)))
        {
            problem = "$top must be a non-negative integer.";
            return null;
        }

        var skip = 0;
        if (query.TryGetValue("$skip", out var skipText) && !int.TryParse(skipText, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            problem = "$skip must be a non-negative integer.";
            return null;
        }

        var count = false;
        if (query.TryGetValue("$count", out var countText) && !bool.TryParse(countText, out count))
        {
            problem = "$count must be true or false.";
            return null;
        }

        var expand = false;
        if (query.TryGetValue("$expand", out var expandText))
        {
            if (!observations || expandText != "Datastream")
            {
                problem = "Only $expand=Datastream on Observations is supported.";
                return null;
            }

            expand = true;
        }

        var order = new List<ObservationOrder>();
        if (query.TryGetValue("$orderby", out var orderText))
        {
            foreach (var part in orderText.ToString().Split(',', StringSplitOptions.TrimEntries))
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is 0 or > 2 || Field(words[0], observations) is not { } field ||
                    (words.Length == 2 && words[1] is not ("asc" or "desc")))
                {
                    problem = observations
                        ? $"$orderby '{part}': order by phenomenonTime, result or id, optionally followed by asc or desc."
                        : $"$orderby '{part}': order by id, optionally followed by asc or desc.";
                    return null;
                }

                order.Add(new ObservationOrder(field, words.Length == 2 && words[1] == "desc"));
            }
        }

        ObservationFilter? filter = null;
        if (query.TryGetValue("$filter", out var filterText))
        {
            if (!observations)
            {
                problem = "$filter is supported on Observations (phenomenonTime, result) only.";
                return null;
            }

            if (filterText.ToString().Length > MaxFilterLength)
            {
                problem = $"$filter is longer than {MaxFilterLength} characters.";
                return null;
            }

            filter = new FilterParser(filterText.ToString()).Parse(out problem);
            if (filter is null)
            {
                return null;
            }
        }

        return new StaQuery(Math.Min(top, MaxTop), skip, count, order, filter, expand);
    }

    private static ObservationField? Field(string name, bool observations) => name switch
    {
        "id" or "@iot.id" => ObservationField.Id,
        "phenomenonTime" when observations => ObservationField.PhenomenonTime,
        "result" when observations => ObservationField.Result,
        _ => null,
    };

    /// <summary>
    /// OData's filter grammar cut to what readings need: comparisons (eq ne gt ge lt le) of
    /// phenomenonTime, result or id with a literal, joined by and/or, negated by not, grouped by brackets.
    /// </summary>
    private sealed class FilterParser(string text)
    {
        private const int MaxDepth = 32;
        private readonly List<string> _tokens = Tokenise(text);
        private int _position;
        private int _depth;
        private string? _problem;

        public ObservationFilter? Parse(out string? problem)
        {
            var result = _tokens.Count == 0 ? Fail("$filter is empty.") : Or();
            if (result is not null && _position < _tokens.Count)
            {
                result = Fail($"$filter: unexpected '{_tokens[_position]}'.");
            }

            problem = _problem;
            return result;
        }

        private ObservationFilter? Or()
        {
            var left = And();
            while (left is not null && Accept("or"))
            {
                left = And() is { } right ? new ObservationFilterOr(left, right) : null;
            }

            return left;
        }

        private ObservationFilter? And()
        {
            var left = Unary();
            while (left is not null && Accept("and"))
            {
                left = Unary() is { } right ? new ObservationFilterAnd(left, right) : null;
            }

            return left;
        }

        private ObservationFilter? Unary()
        {
            if (++_depth > MaxDepth)
            {
                return Fail("$filter is nested too deeply.");
            }

            try
            {
                if (Accept("not"))
                {
                    return Unary() is { } inner ? new ObservationFilterNot(inner) : null;
                }

                if (Accept("("))
                {
                    var inner = Or();
                    return inner is null ? null : Accept(")") ? inner : Fail("$filter: a bracket is not closed.");
                }

                return Comparison();
            }
            finally
            {
                _depth--;
            }
        }

        private ObservationFilter? Comparison()
        {
            if (Next() is not { } name || Field(name, observations: true) is not { } field)
            {
                return Fail("$filter compares phenomenonTime, result or id.");
            }

            ComparisonOperator? op = Next() switch
            {
                "eq" => ComparisonOperator.Eq,
                "ne" => ComparisonOperator.Ne,
                "gt" => ComparisonOperator.Gt,
                "ge" => ComparisonOperator.Ge,
                "lt" => ComparisonOperator.Lt,
                "le" => ComparisonOperator.Le,
                _ => null,
            };
            if (op is null)
            {
                return Fail($"$filter: after {name} comes eq, ne, gt, ge, lt or le.");
            }

            var literal = Next()?.Trim('\'');
            if (field == ObservationField.PhenomenonTime)
            {
                return IsoTime.TryParse(literal, out var time)
                    ? new ObservationComparison(field, op.Value, 0, time)
                    : Fail($"$filter: '{literal}' is not a date-time with a zone, e.g. 2026-11-30T08:00:00Z.");
            }

            return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? new ObservationComparison(field, op.Value, number, null)
                : Fail($"$filter: '{literal}' is not a finite number.");
        }

        private bool Accept(string token)
        {
            if (_position < _tokens.Count && _tokens[_position] == token)
            {
                _position++;
                return true;
            }

            return false;
        }

        private string? Next() => _position < _tokens.Count ? _tokens[_position++] : null;

        private ObservationFilter? Fail(string problem)
        {
            _problem ??= problem;
            return null;
        }

        private static List<string> Tokenise(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c is '(' or ')')
                {
                    tokens.Add(c.ToString());
                    i++;
                }
                else if (c == '\'')
                {
                    var end = text.IndexOf('\'', i + 1);
                    end = end < 0 ? text.Length - 1 : end;
                    tokens.Add(text[i..(end + 1)]);
                    i = end + 1;
                }
                else
                {
                    var start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '\''))
                    {
                        i++;
                    }

                    tokens.Add(text[start..i]);
                }
            }

            return tokens;
        }
    }
}
