using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>A read model as the page or API would ship it: every property of its runtime type, as text to search.</summary>
public static class ReadModelJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(object? model) =>
        model is null ? "null" : JsonSerializer.Serialize(model, model.GetType(), Options);
}
