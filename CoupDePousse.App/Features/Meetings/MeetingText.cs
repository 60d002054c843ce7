namespace CoupDePousse.App.Features.Meetings;

/// <summary>Marker for the meetings' strings: French in MeetingText.resx (neutral), English in MeetingText.en.resx.</summary>
public sealed class MeetingText;
