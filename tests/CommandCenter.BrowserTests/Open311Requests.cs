using System.Text.Json;
using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>A citizen's report through the app's Open311 API, as a 随申拍 request arrives.</summary>
internal static class Open311Requests
{
    /// <summary>appsettings.Development.json's local key (the browser tests run the app in Development).</summary>
    public const string DevelopmentKey = "dev-only-not-a-secret";

    /// <summary>Files the request and returns the new ticket's id.</summary>
    public static async Task<string> SubmitAsync(IAPIRequestContext http, string serviceCode, string address, string description)
    {
        var form = http.CreateFormData();
        form.Set("api_key", DevelopmentKey);
        form.Set("service_code", serviceCode);
        form.Set("address_string", address);
        form.Set("description", description);
        var response = await http.PostAsync("open311/v2/requests.json", new APIRequestContextOptions { Form = form });
        Assert.True(response.Status == 201, $"Open311 answered {response.Status}: {await response.TextAsync()}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }
}
