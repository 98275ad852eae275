using Twin.Domain.Catalogue;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Catalogue;

public class EventCatalogueTests
{
    private const string FileName = "broken-catalogue.json";

    [Fact]
    public void The_embedded_catalogue_loads_with_owners_and_time_limits()
    {
        var catalogue = EventCatalogue.LoadDefault();

        Assert.True(catalogue.Categories.Count >= 20);
        Assert.Equal(catalogue.Categories.Count, catalogue.Categories.Select(c => c.Code).Distinct().Count());
        Assert.All(catalogue.Categories, c => Assert.False(string.IsNullOrWhiteSpace(c.Department)));
        Assert.Equal("噪声扰民", catalogue.Find("noise")?.NameZh);
        Assert.Equal(TicketPriority.Urgent, catalogue.Find("creek-water-level")?.DefaultPriority);
        Assert.Equal("creek-water-level", catalogue.ForSensorKind(SensorKind.CreekWaterLevel)?.Code);
        Assert.Null(catalogue.Find("no-such-category"));
        Assert.Equal("长征镇城运中心（镇管环卫）", catalogue.Find("garbage-sorting")!.DepartmentFor("310107102000"));
        Assert.Equal("区绿化市容局", catalogue.Find("garbage-sorting")!.DepartmentFor("310107015000"));
        Assert.True(catalogue.AreRelated("riverbank-order", "creek-debris"));
        Assert.Contains("street-vending", catalogue.RelatedTo("riverbank-order"));
    }

    [Theory]
    [InlineData("""{ "code": "noise", "nameZh": "噪声", "nameEn": "Noise", "department": "区生态环境局", "priority": "normal", "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "noise", "duplicate")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "priority": "normal", "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "pothole", "department")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "normal", "sensorKind": "seismograph", "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "pothole", "seismograph")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "asap", "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "pothole", "priority")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "9", "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "pothole", "priority")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "normal", "hours": { "dispatch": 1, "handle": 0, "review": 1 } }""", "pothole", "hours")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "normal", "departmentBySubDistrict": { "长征镇": "镇建管办" }, "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "pothole", "departmentBySubDistrict")]
    [InlineData("""{ "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "normal", "related": ["sinkhole"], "hours": { "dispatch": 1, "handle": 1, "review": 1 } }""", "pothole", "sinkhole")]
    public void A_broken_entry_is_refused_naming_the_file_and_the_entry(string brokenEntry, string entryCode, string problem)
    {
        var json = $$"""
            { "categories": [
              { "code": "noise", "nameZh": "噪声扰民", "nameEn": "Noise nuisance", "department": "区生态环境局", "priority": "normal", "sensorKind": "noise", "hours": { "dispatch": 2, "handle": 48, "review": 24 } },
              {{brokenEntry}}
            ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => EventCatalogue.Parse(json, FileName));

        Assert.Contains(FileName, error.Message);
        Assert.Contains("categories[1]", error.Message);
        Assert.Contains(entryCode, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void The_same_entries_without_the_broken_one_parse()
    {
        // Shows that the failures above come from the broken entry, not from the surrounding file.
        var json = """
            { "departments": { "区生态环境局": "Ecology Bureau", "区建管委": "Construction Commission" },
              "categories": [
              { "code": "noise", "nameZh": "噪声扰民", "nameEn": "Noise nuisance", "department": "区生态环境局", "priority": "normal", "sensorKind": "noise", "hours": { "dispatch": 2, "handle": 48, "review": 24 } },
              { "code": "pothole", "nameZh": "坑洼", "nameEn": "Pothole", "department": "区建管委", "priority": "HIGH", "hours": { "dispatch": 1, "handle": 1, "review": 1 } }
            ] }
            """;

        var catalogue = EventCatalogue.Parse(json, FileName);

        Assert.Equal(TicketPriority.High, catalogue.Find("pothole")?.DefaultPriority);
        Assert.Equal(SensorKind.Noise, catalogue.Find("noise")?.SensorKind);
    }

    [Fact]
    public void A_department_without_an_english_name_is_refused_naming_it()
    {
        var json = """
            { "departments": { "区生态环境局": "Ecology Bureau" },
              "categories": [
              { "code": "noise", "nameZh": "噪声扰民", "nameEn": "Noise nuisance", "department": "区生态环境局", "priority": "normal", "departmentBySubDistrict": { "310107102000": "长征镇环保所" }, "hours": { "dispatch": 2, "handle": 48, "review": 24 } }
            ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => EventCatalogue.Parse(json, FileName));

        Assert.Contains(FileName, error.Message);
        Assert.Contains("长征镇环保所", error.Message);
    }

    [Fact]
    public void Every_department_of_the_embedded_catalogue_has_an_english_name()
    {
        var catalogue = EventCatalogue.LoadDefault();

        Assert.Equal("District Water Authority", catalogue.DepartmentName("区水务局").En);
        Assert.Equal("Changzheng Town Landscaping Station", catalogue.DepartmentName("长征镇绿化所").En);
        Assert.Equal("区水务局", catalogue.DepartmentName("区水务局").Zh);
    }

    [Fact]
    public void A_file_that_is_not_json_is_refused_naming_the_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => EventCatalogue.Parse("{ categories: [", FileName));

        Assert.Contains(FileName, error.Message);
    }
}
