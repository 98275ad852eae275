using System.Globalization;
using Twin.Domain.Geography;

namespace CommandCenter.Tests.Ingestion;

/// <summary>CAP 1.2 documents: the specification's Appendix A examples, and the same shapes placed over Putuo.</summary>
public static class CapSamples
{
    /// <summary>CAP 1.2 Appendix A.2, "Severe Thunderstorm Warning", verbatim (its polygon is in California).</summary>
    public const string ThunderstormVerbatim = """
        <?xml version = "1.0" encoding = "UTF-8"?>
        <alert xmlns = "urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>KSTO1055887203</identifier>
          <sender>KSTO@NWS.NOAA.GOV</sender>
          <sent>2003-06-17T14:57:00-07:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <category>Met</category>
            <event>SEVERE THUNDERSTORM</event>
            <responseType>Shelter</responseType>
            <urgency>Immediate</urgency>
            <severity>Severe</severity>
            <certainty>Observed</certainty>
            <eventCode>
              <valueName>SAME</valueName>
              <value>SVR</value>
            </eventCode>
            <expires>2003-06-17T16:00:00-07:00</expires>
            <senderName>NATIONAL WEATHER SERVICE SACRAMENTO CA</senderName>
            <headline>SEVERE THUNDERSTORM WARNING</headline>
            <description> AT 254 PM PDT...NATIONAL WEATHER SERVICE DOPPLER RADAR INDICATED A SEVERE THUNDERSTORM OVER SOUTH CENTRAL ALPINE COUNTY...OR ABOUT 18 MILES SOUTHEAST OF KIRKWOOD...MOVING SOUTHWEST AT 5 MPH. HAIL...INTENSE RAIN AND STRONG DAMAGING WINDS ARE LIKELY WITH THIS STORM.</description>
            <instruction>TAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES.</instruction>
            <contact>BARUFFALDI/JUSKIE</contact>
            <area>
              <areaDesc>EXTREME NORTH CENTRAL TUOLUMNE COUNTY IN CALIFORNIA, EXTREME NORTHEASTERN CALAVERAS COUNTY IN CALIFORNIA, SOUTHWESTERN ALPINE COUNTY IN CALIFORNIA</areaDesc>
              <polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14</polygon>
              <geocode>
                <valueName>SAME</valueName>
                <value>006109</value>
              </geocode>
              <geocode>
                <valueName>SAME</valueName>
                <value>006009</value>
              </geocode>
              <geocode>
                <valueName>SAME</valueName>
                <value>006003</value>
              </geocode>
            </area>
          </info>
        </alert>
        """;

    /// <summary>
    /// The document as if sent a minute ago (expiring in an hour): the twin refuses alerts sent
    /// days ago, as the Appendix's 2003 examples were.
    /// </summary>
    public static string Recent(string xml)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        xml = System.Text.RegularExpressions.Regex.Replace(xml, "<sent>[^<]*</sent>", $"<sent>{Time(now.AddMinutes(-1))}</sent>");
        return System.Text.RegularExpressions.Regex.Replace(xml, "<expires>[^<]*</expires>", $"<expires>{Time(now.AddHours(1))}</expires>");
    }

    /// <summary>A.2 with its own identifier and a square polygon around <paramref name="centre"/>, sent a minute ago.</summary>
    public static string Thunderstorm(string identifier, GeoPoint centre, double halfSizeDegrees = 0.01) =>
        Recent(ThunderstormVerbatim)
            .Replace("KSTO1055887203", identifier, StringComparison.Ordinal)
            .Replace("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14", Square(centre, halfSizeDegrees), StringComparison.Ordinal);

    /// <summary>CAP 1.2 Appendix A.3, "Earthquake Report (Update Message)", with its circle moved to <paramref name="centre"/>.</summary>
    public static string EarthquakeUpdate(string identifier, string references, GeoPoint centre, string msgType = "Update") => Recent($"""
        <?xml version = "1.0" encoding = "UTF-8"?>
        <alert xmlns = "urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier>
          <sender>trinet@caltech.edu</sender>
          <sent>2003-06-11T20:56:00-07:00</sent>
          <status>Actual</status>
          <msgType>{msgType}</msgType>
          <scope>Public</scope>
          <references>{references}</references>
          <info>
            <category>Geo</category>
            <event>Earthquake</event>
            <urgency>Past</urgency>
            <severity>Minor</severity>
            <certainty>Observed</certainty>
            <senderName>Southern California Seismic Network (TriNet) operated by Caltech and USGS</senderName>
            <headline>EQ 3.4 Imperial County CA</headline>
            <description>A minor earthquake measuring 3.4 on the Richter scale occurred near Brawley, California at 8:30 PM Pacific Daylight Time on Wednesday, June 11, 2003. (This event has now been reviewed by a seismologist)</description>
            <web>http://www.trinet.org/scsn/scsn.html</web>
            <parameter>
              <valueName>EventID</valueName>
              <value>13970876</value>
            </parameter>
            <area>
              <areaDesc>1 mi. WSW of Brawley, CA; 11 mi. N of El Centro, CA; 30 mi. E of OCOTILLO (quarry); 1 mi. N of the Imperial Fault</areaDesc>
              <circle>{Pair(centre)} 0</circle>
            </area>
          </info>
        </alert>
        """);

    public static string Cancel(string sender, string identifier, string references) => Recent($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier>
          <sender>{sender}</sender>
          <sent>2026-11-30T10:00:00+08:00</sent>
          <status>Actual</status>
          <msgType>Cancel</msgType>
          <scope>Public</scope>
          <references>{references}</references>
        </alert>
        """);

    public static string Pair(GeoPoint p) => string.Create(CultureInfo.InvariantCulture, $"{p.Lat:F6},{p.Lon:F6}");

    private static string Square(GeoPoint c, double h)
    {
        var corners = new[]
        {
            new GeoPoint(c.Lon - h, c.Lat - h), new GeoPoint(c.Lon + h, c.Lat - h), new GeoPoint(c.Lon + h, c.Lat + h),
            new GeoPoint(c.Lon - h, c.Lat + h), new GeoPoint(c.Lon - h, c.Lat - h),
        };
        return string.Join(' ', corners.Select(Pair));
    }
}
