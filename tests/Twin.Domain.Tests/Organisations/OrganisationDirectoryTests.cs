using Twin.Domain.Organisations;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Organisations;

public sealed class OrganisationDirectoryTests
{
    private static readonly OrganisationDirectory Directory = new(TestEngine.Catalogue, TestGeo.Putuo);

    [Fact]
    public void Holds_the_centre_every_dispatch_department_the_seeds_own_and_the_ten_subdistricts()
    {
        Assert.Equal(Organisation.Centre, Directory.All[0]);
        Assert.All(TestEngine.Catalogue.Departments, d => Assert.Equal(OrganisationKind.Department, Directory.FindDepartment(d)?.Kind));
        Assert.NotNull(Directory.FindDepartment("区委网信办"));
        Assert.NotNull(Directory.FindDepartment("区大数据中心"));
        var subDistricts = Directory.All.Where(o => o.Kind == OrganisationKind.SubDistrict).ToList();
        Assert.Equal(10, subDistricts.Count);
        Assert.Equal(TestGeo.Putuo.SubDistricts.Select(s => s.Code), subDistricts.Select(s => s.SubDistrictCode));
        Assert.Equal(Directory.All.Count, Directory.All.Select(o => o.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("dept-district-water-authority", "区水务局")]
    [InlineData("dept-district-housing-bureau", "区房管局")]
    [InlineData("dept-taopu-town-operations-centre-town-sanitation", "桃浦镇城运中心（镇管环卫）")]
    [InlineData("sd-310107022000", "真如镇街道")]
    [InlineData("sd-310107014000", "长风新村街道")]
    public void Ids_are_stable_names_the_seeded_accounts_and_the_readme_use(string id, string name) =>
        Assert.Equal(name, Directory.Find(id)?.NameZh);
}
