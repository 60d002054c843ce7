namespace CoupDePousse.App.Features.Cases;

/// <summary>Marker for the proposal form's strings: French in ProposalText.resx (neutral), English in ProposalText.en.resx.</summary>
public sealed class ProposalText;
