using System.Text;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;

namespace Twin.Domain.Organisations;

/// <summary>
/// Every organisation of the district: the centre, each department the catalogue dispatches to and
/// those the seed names besides, and the 10 街镇. Ids are stable (derived from the English name or
/// the 街镇's code), so an account keeps its organisation across restarts and catalogue edits that
/// do not rename it.
/// </summary>
public sealed class OrganisationDirectory
{
    /// <summary>
    /// Departments the seed (the centre's reply to the CPPCC proposal) names that no catalogue
    /// category dispatches to: they hold accounts all the same (data and public-opinion work).
    /// </summary>
    private static readonly (string Zh, string En)[] SeedDepartments =
    [
        ("区委网信办", "District Cyberspace Affairs Office"),
        ("区大数据中心", "District Big Data Centre"),
    ];

    private readonly Dictionary<string, Organisation> _byId;
    private readonly Dictionary<string, Organisation> _departmentsByName;

    public OrganisationDirectory(EventCatalogue catalogue, DistrictMap district)
    {
        var all = new List<Organisation> { Organisation.Centre };
        var departments = catalogue.Departments
            .Select(d => (Zh: d, En: catalogue.DepartmentName(d).En))
            .Concat(SeedDepartments.Where(s => !catalogue.Departments.Contains(s.Zh)));
        all.AddRange(departments.Select(d => new Organisation(DepartmentPrefix + Slug(d.En), OrganisationKind.Department, d.Zh, d.En)));
        all.AddRange(district.SubDistricts.Select(s => new Organisation(SubDistrictPrefix + s.Code, OrganisationKind.SubDistrict, s.Name, s.NameEn, s.Code)));
        All = all;
        _byId = all.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _departmentsByName = all.Where(o => o.Kind == OrganisationKind.Department).ToDictionary(o => o.NameZh, StringComparer.Ordinal);
    }

    public const string DepartmentPrefix = "dept-";

    public const string SubDistrictPrefix = "sd-";

    /// <summary>The centre first, then the departments in the catalogue's order, then the 街镇.</summary>
    public IReadOnlyList<Organisation> All { get; }

    public Organisation? Find(string? id) => id is not null && _byId.TryGetValue(id, out var o) ? o : null;

    /// <summary>The department organisation a ticket's department name stands for, if it has one.</summary>
    public Organisation? FindDepartment(string name) => _departmentsByName.GetValueOrDefault(name);

    /// <summary>The 街镇's organisation.</summary>
    public Organisation? FindSubDistrict(string code) => Find(SubDistrictPrefix + code);

    /// <summary>"District Water Authority" → "district-water-authority"; brackets and other punctuation dropped.</summary>
    private static string Slug(string english)
    {
        var slug = new StringBuilder(english.Length);
        foreach (var c in english.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
