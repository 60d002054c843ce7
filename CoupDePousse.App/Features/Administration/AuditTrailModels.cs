using CoupDePousse.App.Data;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// Which audit rows to show: one kind, a person (actor or subject, by name or email), and a time range
/// (from inclusive, to exclusive).
/// </summary>
public sealed record AuditFilter(SecurityEventKind? Kind = null, string? Person = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One line of the audit page: who did what to whom, from which value to which, when, from where.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, SecurityEventKind Kind, string? ActorName, string? SubjectName, string? OldValue, string? NewValue, string? RemoteIp);
