namespace CoupDePousse.App.Features.Pipeline;

/// <summary>Marker for the pipeline's strings: French in PipelineText.resx (neutral), English in PipelineText.en.resx.</summary>
public sealed class PipelineText;
