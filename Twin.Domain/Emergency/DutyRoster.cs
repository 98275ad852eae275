using System.Globalization;
using System.Text.Json;
using Twin.Domain.Privacy;
using Twin.Domain.Time;

namespace Twin.Domain.Emergency;

/// <summary>Who is on duty in one role for one shift; the phone is masked (reveal goes through <see cref="DutyRoster.RevealPhone"/>).</summary>
public sealed record DutyAssignment(OfficerRole Role, string ShiftId, string ShiftNameZh, string ShiftNameEn, DateTimeOffset From, DateTimeOffset Until, string PersonId, string Name, string PhoneMasked);

/// <summary>A department's duty contact; the phone is masked.</summary>
public sealed record DepartmentContact(string Department, string Name, string PhoneMasked);

/// <summary>
/// 值班表: two 12 h shifts a day (Asia/Shanghai); each role's people take the shifts in turn.
/// Phones leave this class masked; <see cref="RevealPhone"/> gives one number to a host that
/// has checked and audited the reveal, as callers' contacts are.
/// </summary>
public sealed class DutyRoster
{
    private static readonly DateTime RotationOrigin = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private readonly List<Shift> _shifts;
    private readonly Dictionary<OfficerRole, List<Person>> _byRole;
    private readonly Dictionary<string, string> _phones = new(StringComparer.Ordinal);

    private DutyRoster(List<Shift> shifts, IReadOnlyList<Person> people, IReadOnlyList<(string Department, string Name, string Phone)> contacts)
    {
        _shifts = shifts;
        _byRole = people.GroupBy(p => p.Role).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var person in people)
        {
            _phones[person.Id] = person.Phone;
        }

        foreach (var contact in contacts)
        {
            _phones[contact.Department] = contact.Phone;
        }

        Contacts = contacts.Select(c => new DepartmentContact(c.Department, c.Name, PersonalDataMask.MaskPhone(c.Phone))).ToList();
    }

    public IReadOnlyList<DepartmentContact> Contacts { get; }

    /// <summary>The duty room of a department as a plan's checklist names it; null for one the roster does not list (e.g. 各街镇).</summary>
    public DepartmentContact? ContactOf(string department) => Contacts.FirstOrDefault(c => c.Department == department);

    /// <summary>One person per role, for the shift that holds <paramref name="at"/>.</summary>
    public IReadOnlyList<DutyAssignment> OnDutyAt(DateTimeOffset at)
    {
        var local = ShanghaiClock.ToLocal(at);
        var result = new List<DutyAssignment>();
        foreach (var (shift, from) in ShiftAt(local))
        {
            var shiftNumber = (long)Math.Floor((from.DateTime - RotationOrigin).TotalDays) * _shifts.Count + _shifts.IndexOf(shift);
            foreach (var role in Enum.GetValues<OfficerRole>())
            {
                if (_byRole.TryGetValue(role, out var people))
                {
                    var person = people[(int)(shiftNumber % people.Count)];
                    result.Add(new DutyAssignment(role, shift.Id, shift.NameZh, shift.NameEn, from.ToUniversalTime(), from.AddHours(shift.Hours).ToUniversalTime(),
                        person.Id, person.Name, PersonalDataMask.MaskPhone(person.Phone)));
                }
            }
        }

        return result;
    }

    /// <summary>The full phone of a person (by id) or a department (by name); null when unknown.</summary>
    public string? RevealPhone(string personIdOrDepartment) => _phones.GetValueOrDefault(personIdOrDepartment);

    public static DutyRoster LoadDefault()
    {
        using var stream = typeof(DutyRoster).Assembly.GetManifestResourceStream("Twin.Domain.Emergency.Data.duty-roster.json")
            ?? throw new InvalidOperationException("The embedded duty roster is missing from Twin.Domain.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "duty-roster.json");
    }

    public static DutyRoster Parse(string json, string fileName)
    {
        var file = JsonSerializer.Deserialize<RosterFile>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
            ?? throw new InvalidDataException($"{fileName}: empty.");
        var shifts = (file.Shifts ?? []).Select(s => new Shift(
            s.Id ?? throw new InvalidDataException($"{fileName}: a shift needs an id."),
            s.NameZh ?? s.Id, s.NameEn ?? s.Id,
            TimeSpan.TryParseExact(s.Start, @"hh\:mm", CultureInfo.InvariantCulture, out var start) ? start : throw new InvalidDataException($"{fileName}: shift {s.Id} needs a start hh:mm."),
            s.Hours)).OrderBy(s => s.Start).ToList();
        if (shifts.Count == 0 || Math.Abs(shifts.Sum(s => s.Hours) - 24) > 1e-9)
        {
            throw new InvalidDataException($"{fileName}: the shifts must cover 24 hours.");
        }

        var people = (file.People ?? []).Select(p => new Person(
            p.Id ?? throw new InvalidDataException($"{fileName}: a person needs an id."),
            Enum.TryParse<OfficerRole>(p.Role, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : throw new InvalidDataException($"{fileName}: {p.Id} has an unknown role {p.Role}."),
            p.Name ?? throw new InvalidDataException($"{fileName}: {p.Id} needs a name."),
            p.Phone ?? throw new InvalidDataException($"{fileName}: {p.Id} needs a phone."))).ToList();
        var contacts = (file.Contacts ?? []).Select(c => (
            c.Department ?? throw new InvalidDataException($"{fileName}: a contact needs a department."),
            c.Name ?? c.Department,
            c.Phone ?? throw new InvalidDataException($"{fileName}: contact {c.Department} needs a phone."))).ToList();
        return new DutyRoster(shifts, people, contacts);
    }

    private IEnumerable<(Shift Shift, DateTimeOffset From)> ShiftAt(DateTimeOffset local)
    {
        // The shift that started last before local time, today's or (for a night shift past midnight) yesterday's.
        var candidates = new[] { local.Date.AddDays(-1), local.Date }
            .SelectMany(day => _shifts.Select(s => (Shift: s, From: new DateTimeOffset(day + s.Start, local.Offset))))
            .Where(c => c.From <= local && local < c.From.AddHours(c.Shift.Hours));
        return candidates.Take(1);
    }

    private sealed record Shift(string Id, string NameZh, string NameEn, TimeSpan Start, double Hours);

    private sealed record Person(string Id, OfficerRole Role, string Name, string Phone);

    private sealed record RosterFile(List<ShiftFile>? Shifts, List<PersonFile>? People, List<ContactFile>? Contacts);

    private sealed record ShiftFile(string? Id, string? NameZh, string? NameEn, string? Start, double Hours);

    private sealed record PersonFile(string? Id, string? Role, string? Name, string? Department, string? Phone);

    private sealed record ContactFile(string? Department, string? Name, string? Phone);
}
