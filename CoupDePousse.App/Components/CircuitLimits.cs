using CoupDePousse.Domain.Cases;

namespace CoupDePousse.App.Components;

/// <summary>
/// The largest message a browser may send to its circuit, sized so that any field filled to its limit fits (decision 044).
/// A field's value travels as JSON inside one SignalR message: a UTF-16 character is at most 6 bytes there
/// (a control character escaped as \u0000; a letter outside ASCII is 2 or 3 bytes, an emoji 4 bytes for 2 characters).
/// With the largest limit (<see cref="TextLimits.Largest"/>, 10 000 characters) that is 60 000 bytes, plus 16 KiB for the
/// message's envelope (event name, component ids, other values): 76 384 bytes, about 75 KiB instead of SignalR's 32 KiB.
/// The forms' maxlength stops a longer paste in the browser, so a larger message never has a reason to be sent.
/// </summary>
public static class CircuitLimits
{
    public const int WorstCaseBytesPerCharacter = 6;
    public const int EnvelopeBytes = 16 * 1024;
    public const long MaximumReceiveMessageSize = (long)TextLimits.Largest * WorstCaseBytesPerCharacter + EnvelopeBytes;
}
