namespace CoupDePousse.App.Mail;

/// <summary>Absolute links into the app for mails, from <c>Mail:PublicBaseUrl</c>.</summary>
public sealed class MailLinks(Uri baseUrl, bool fallback = false)
{
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>True when neither <c>Mail:PublicBaseUrl</c> nor the app's own address gave the base: links then point at localhost.</summary>
    public bool IsFallback { get; } = fallback;

    /// <summary>The link into the app for a path such as <c>/cases/{id}</c>.</summary>
    public string For(string relativePath) => new Uri(BaseUrl, relativePath.TrimStart('/')).ToString();

    /// <summary>The configured base; in Development without one, the app's own first URL (or http://localhost:5080).</summary>
    public static MailLinks From(MailOptions options, IConfiguration configuration, bool isDevelopment)
    {
        var configured = options.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(configured) && isDevelopment)
        {
            configured = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"])?
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host is not ("*" or "+" or "0.0.0.0" or "[::]"));
        }

        var fallback = string.IsNullOrWhiteSpace(configured);
        var value = fallback ? MailOptions.DevelopmentBaseUrl : configured!;
        return new MailLinks(new Uri(value.EndsWith('/') ? value : value + "/", UriKind.Absolute), fallback && !isDevelopment);
    }
}
