using System.Globalization;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Tests.Domain.Common;

public class LanguageTests
{
    [Theory]
    [InlineData("fr-FR", "français")]
    [InlineData("fr-BE", "français")]
    [InlineData("en-US", "English")]
    [InlineData("en-GB", "English")]
    [InlineData("de-DE", "français")]
    public void English_readers_get_english_and_everyone_else_french_first(string culture, string expected)
    {
        Language.Pick("français", "English", CultureInfo.GetCultureInfo(culture)).Should().Be(expected);
    }

    [Theory]
    [InlineData("fr-FR", "français")]
    [InlineData("en-GB", "English")]
    public void Without_a_culture_the_current_ui_culture_chooses(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Language.Pick("français", "English").Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
