using System.Xml.Linq;
using Twin.Domain.Engine;
using Twin.Domain.Tests.Support;

namespace Twin.Domain.Tests.Architecture;

/// <summary>The domain stays plain C#: no web framework and no database, so it runs in tests, the simulator and the bench alike.</summary>
public class DomainDependencyTests
{
    private static readonly string[] ForbiddenPrefixes = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

    [Fact]
    public void The_domain_assembly_references_no_web_or_database_framework()
    {
        var referenced = typeof(TwinEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Contains("NetTopologySuite", referenced);
        Assert.DoesNotContain(referenced, name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_domain_project_file_declares_no_web_or_database_package()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "Twin.Domain", "Twin.Domain.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .ToList();

        Assert.Contains("NetTopologySuite", references);
        Assert.DoesNotContain(references, include => ForbiddenPrefixes.Any(p => include.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(references, include => include.Contains("CommandCenter", StringComparison.OrdinalIgnoreCase)
            || include.Contains("Twin.Data", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Microsoft.NET.Sdk", (string?)project.Root?.Attribute("Sdk"));
    }
}
