using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Privacy;

namespace CoupDePousse.Tests.EndToEnd.BadInput;

public enum FieldKind
{
    /// <summary>Free text with a limit (<see cref="FieldEntry.Limit"/>).</summary>
    Text,

    /// <summary>A password or one-time code on a static Identity page: a maxlength, no circuit.</summary>
    Secret,

    /// <summary>A number with a range.</summary>
    Number,

    /// <summary>A choice among given values (select, radio group).</summary>
    Choice,

    /// <summary>A date or a time.</summary>
    Date,

    /// <summary>A check box or a switch.</summary>
    Toggle,

    /// <summary>Shown, not typed in (a read-only address to copy).</summary>
    ReadOnly,
}

/// <summary>
/// One form field of the application, by its <c>data-testid</c> (an id built with a value, "field-verdict-{number}-comment",
/// is written with "{}"), with the page and the role that reach it and the button that submits it.
/// </summary>
public sealed record FieldEntry(string Id, FieldKind Kind, string Page, string Role, int? Limit = null, string? Submit = null);

/// <summary>
/// Every form field of every page. <see cref="CoupDePousse.Tests.Components.FieldHookTests"/> fails when a razor file holds
/// an input this catalog does not know (or without a data-testid), so that a new field cannot escape the bad-input sweep
/// (<see cref="BadInputSweepTests"/>), which feeds the fields it knows how to reach (decision 044).
/// </summary>
public static class FieldCatalog
{
    private const string Admin = "Admin";
    private const string Hr = "HR";
    private const string Manager = "Manager";
    private const string Beneficiary = "Beneficiary";
    private const string Intervener = "Intervener";
    private const string Anyone = "anonymous or any role";
    private const string Case = "/cases/{id}";

    public static readonly IReadOnlyList<FieldEntry> All =
    [
        // Identity pages (static, no circuit).
        new("login-email", FieldKind.Text, "/Account/Login", Anyone, TextLimits.Email, "login-submit"),
        new("login-password", FieldKind.Secret, "/Account/Login", Anyone, TextLimits.Password, "login-submit"),
        new("mfa-code", FieldKind.Secret, "/Account/LoginWith2fa, /Account/Manage/EnableAuthenticator", Anyone, TextLimits.OneTimeCode),
        new("recovery-code", FieldKind.Secret, "/Account/LoginWithRecoveryCode", Anyone, TextLimits.OneTimeCode),
        new("field-NewPassword", FieldKind.Secret, "/Account/AcceptInvitation, /Account/Manage/ChangePassword", Anyone, TextLimits.Password),
        new("field-ConfirmPassword", FieldKind.Secret, "/Account/AcceptInvitation, /Account/Manage/ChangePassword", Anyone, TextLimits.Password),
        new("field-OldPassword", FieldKind.Secret, "/Account/Manage/ChangePassword", Anyone, TextLimits.Password),
        new("field-Password", FieldKind.Secret, "/Account/Manage/GenerateRecoveryCodes, /Account/Manage/ResetAuthenticator", Anyone, TextLimits.Password),

        // Administration.
        new("field-user-search", FieldKind.Text, "/admin?tab=users", Admin, TextLimits.Search),
        new("field-user-role", FieldKind.Choice, "/admin?tab=users (a user opened)", Admin, Submit: "save-role"),
        new("field-user-department", FieldKind.Text, "/admin?tab=users (a user opened)", Admin, TextLimits.Department, "save-organisation"),
        new("field-user-manager", FieldKind.Choice, "/admin?tab=users (a user opened)", Admin, Submit: "save-organisation"),
        new("field-new-email", FieldKind.Text, "/admin?tab=users", Admin, TextLimits.Email, "create-user-submit"),
        new("field-new-name", FieldKind.Text, "/admin?tab=users", Admin, TextLimits.DisplayName, "create-user-submit"),
        new("field-new-role", FieldKind.Choice, "/admin?tab=users", Admin, Submit: "create-user-submit"),
        new("field-new-department", FieldKind.Text, "/admin?tab=users", Admin, TextLimits.Department, "create-user-submit"),
        new("field-new-manager", FieldKind.Choice, "/admin?tab=users", Admin, Submit: "create-user-submit"),
        new("field-profile-user", FieldKind.Choice, "/admin?tab=interveners", Admin),
        new("field-profile-domain-{}", FieldKind.Toggle, "/admin?tab=interveners", Admin),
        new("field-profile-capacity", FieldKind.Number, "/admin?tab=interveners", Admin),
        new("field-profile-rate", FieldKind.Number, "/admin?tab=interveners", Admin),
        new("field-budget-min", FieldKind.Number, "/admin?tab=budget", Admin, Submit: "budget-save"),
        new("field-budget-max", FieldKind.Number, "/admin?tab=budget", Admin, Submit: "budget-save"),
        new("envelope-field", FieldKind.Number, "/admin?tab=budget (envelopes)", Admin),
        new("field-small-group-threshold", FieldKind.Number, "/admin?tab=budget", Admin, Submit: "small-group-threshold-save"),
        new("field-missed-meeting-consumes", FieldKind.Toggle, "/admin?tab=budget", Admin),
        new("field-stalled-{}", FieldKind.Number, "/admin?tab=budget", Admin, Submit: "stalling-save"),
        new("field-nudge-days", FieldKind.Number, "/admin?tab=budget", Admin, Submit: "stalling-save"),
        new("field-exceptions-french", FieldKind.Text, "/admin?tab=budget", Admin, AgreementTerms.MaxExceptionsLength, "agreement-terms-save"),
        new("field-exceptions-english", FieldKind.Text, "/admin?tab=budget", Admin, AgreementTerms.MaxExceptionsLength, "agreement-terms-save"),
        new("field-code-of-ethics", FieldKind.Text, "/admin?tab=budget", Admin, AgreementTerms.MaxCodeOfEthicsLength, "agreement-terms-save"),
        new("field-resource-domain", FieldKind.Choice, "/admin?tab=resources", Admin, Submit: "resource-save"),
        new("field-resource-topic", FieldKind.Choice, "/admin?tab=resources", Admin, Submit: "resource-save"),
        new("field-resource-title-fr", FieldKind.Text, "/admin?tab=resources", Admin, TextLimits.ResourceTitle, "resource-save"),
        new("field-resource-title-en", FieldKind.Text, "/admin?tab=resources", Admin, TextLimits.ResourceTitle, "resource-save"),
        new("field-resource-summary-fr", FieldKind.Text, "/admin?tab=resources", Admin, TextLimits.ResourceSummary, "resource-save"),
        new("field-resource-summary-en", FieldKind.Text, "/admin?tab=resources", Admin, TextLimits.ResourceSummary, "resource-save"),
        new("field-resource-link", FieldKind.Text, "/admin?tab=resources", Admin, TextLimits.ResourceLink, "resource-save"),
        new("field-privacy-contact", FieldKind.Text, "/admin?tab=privacy", Admin, PrivacyContact.MaxLength, "privacy-contact-save"),
        new("retention-field-{}", FieldKind.Number, "/admin?tab=privacy", Admin, Submit: "retention-save"),
        new("erase-search", FieldKind.Text, "/admin?tab=privacy", Admin, TextLimits.Search),
        new("field-audit-kind", FieldKind.Choice, "/admin/audit", Admin),
        new("field-audit-person", FieldKind.Text, "/admin/audit", Admin, TextLimits.Search),
        new("field-audit-dates", FieldKind.Date, "/admin/audit", Admin),

        // The proposal.
        new("field-beneficiary", FieldKind.Choice, "/cases/new", Manager, Submit: "propose-submit"),
        new("field-domain-{}", FieldKind.Toggle, "/cases/new", Manager, Submit: "propose-submit"),
        new("field-topic-{}", FieldKind.Toggle, "/cases/new", Manager, Submit: "propose-submit"),
        new("field-description", FieldKind.Text, "/cases/new", Manager, TextLimits.Description, "propose-submit"),
        new("field-work-impact", FieldKind.Text, "/cases/new", Manager, TextLimits.WorkImpact, "propose-submit"),
        new("field-timing", FieldKind.Text, "/cases/new", Manager, TextLimits.WishedTiming, "propose-submit"),
        new("field-checklist-{}", FieldKind.Toggle, "/cases/new", Manager, Submit: "propose-submit"),

        // A case, in the state that shows the field.
        new("field-cancel-reason", FieldKind.Text, Case + " (proposed, cancel dialog)", Hr, TextLimits.CancellationReason, "dialog-confirm"),
        new("field-referral-kind", FieldKind.Choice, Case + " (exclude dialog)", Hr),
        new("field-referral-note", FieldKind.Text, Case + " (exclude dialog)", Hr, TextLimits.ReferralNote),
        new("field-intervener-select", FieldKind.Choice, Case + " (proposed)", Hr),
        new("field-conflict-override-reason", FieldKind.Text, Case + " (assigning over a known conflict)", Hr, TextLimits.ConflictOverrideReason),
        new("field-budget-hours", FieldKind.Number, Case + " (budget to set)", Hr),
        new("field-conflict-description", FieldKind.Text, Case + " (assigned, conflict declaration)", Intervener, TextLimits.ConflictDescription),
        new("field-declared-conflict-override-reason", FieldKind.Text, Case + " (conflict declared)", Hr, TextLimits.ConflictOverrideReason),
        new("field-interview-date", FieldKind.Date, Case + " (interview to record)", Intervener),
        new("field-interview-minutes", FieldKind.Number, Case + " (interview to record)", Intervener),
        new("field-verdict-{}-comment", FieldKind.Text, Case + " (verdicts)", "HR or Intervener", TextLimits.VerdictComment),
        new("envelope-confirm-check", FieldKind.Toggle, Case + " (over-envelope dialog)", Hr),
        new("field-objective-{}-statement", FieldKind.Text, Case + " (objectives to draft)", Beneficiary, TextLimits.ObjectiveText),
        new("field-objective-{}-success", FieldKind.Text, Case + " (objectives to draft)", Beneficiary, TextLimits.ObjectiveText),
        new("field-objective-{}-before", FieldKind.Number, Case + " (objectives to draft)", Beneficiary),
        new("action-ShareObjectives", FieldKind.Toggle, Case + " (objectives set)", Beneficiary),
        new("field-session-date", FieldKind.Date, Case + " (in progress)", Intervener),
        new("field-session-minutes", FieldKind.Number, Case + " (in progress)", Intervener),
        new("field-session-mode", FieldKind.Choice, Case + " (in progress)", Intervener),
        new("field-note-session", FieldKind.Choice, Case + " (a session logged)", Intervener),
        new("field-note-text", FieldKind.Text, Case + " (a session logged)", Intervener, TextLimits.SessionNote),
        new("field-extension-minutes", FieldKind.Number, Case + " (in progress, extension)", Intervener),
        new("field-extension-category", FieldKind.Choice, Case + " (in progress, extension)", Intervener),
        new("field-extension-comment", FieldKind.Text, Case + " (in progress, extension)", Intervener, TextLimits.ExtensionComment),
        new("field-journal-text", FieldKind.Text, Case + " (journal)", Beneficiary, TextLimits.JournalEntry),
        new("field-journal-edit", FieldKind.Text, Case + " (journal, an entry edited)", Beneficiary, TextLimits.JournalEntry),
        new("journal-share", FieldKind.Toggle, Case + " (journal)", Beneficiary),
        new("field-library-filter", FieldKind.Text, Case + " (between sessions)", Intervener, TextLimits.Search),
        new("library-fits-only", FieldKind.Toggle, Case + " (between sessions)", Intervener),
        new("between-item-done", FieldKind.Toggle, Case + " (between sessions)", Beneficiary),
        new("field-between-item-text", FieldKind.Text, Case + " (between sessions)", "Beneficiary or Intervener", TextLimits.ActionItem),
        new("field-between-item-due", FieldKind.Date, Case + " (between sessions)", "Beneficiary or Intervener"),
        new("field-between-item-edit", FieldKind.Text, Case + " (between sessions, an item edited)", "Beneficiary or Intervener", TextLimits.ActionItem),
        new("field-between-item-edit-due", FieldKind.Date, Case + " (between sessions, an item edited)", "Beneficiary or Intervener"),
        new("field-closing-summary", FieldKind.Text, Case + " (close dialog)", Intervener, TextLimits.ClosingSummary),
        new("field-company-text", FieldKind.Text, Case + " (closed, text for the company)", Intervener, TextLimits.CompanyText),
        new("field-objective-{}-rating", FieldKind.Choice, Case + " (closing, ratings)", Beneficiary),
        new("field-objective-{}-after", FieldKind.Number, Case + " (closing, ratings)", Beneficiary),
        new("field-satisfaction-score", FieldKind.Number, Case + " (closed, satisfaction)", Beneficiary),
        new("field-satisfaction-comment", FieldKind.Text, Case + " (closed, satisfaction)", Beneficiary, TextLimits.SatisfactionComment),

        // Meetings.
        new("field-meeting-kind", FieldKind.Choice, "/cases/{id}/meetings", "Beneficiary or Intervener"),
        new("field-meeting-mode", FieldKind.Choice, "/cases/{id}/meetings", "Beneficiary or Intervener"),
        new("field-meeting-place", FieldKind.Text, "/cases/{id}/meetings", "Beneficiary or Intervener", TextLimits.MeetingPlace),
        new("field-meeting-link", FieldKind.Text, "/cases/{id}/meetings", "Beneficiary or Intervener", TextLimits.MeetingLink),
        new("field-slot-date-{}", FieldKind.Date, "/cases/{id}/meetings", "Beneficiary or Intervener"),
        new("field-slot-time-{}", FieldKind.Date, "/cases/{id}/meetings", "Beneficiary or Intervener"),
        new("field-slot-minutes-{}", FieldKind.Number, "/cases/{id}/meetings", "Beneficiary or Intervener"),
        new("field-move-date", FieldKind.Date, "/cases/{id}/meetings (a meeting moved)", "Beneficiary or Intervener"),
        new("field-move-time", FieldKind.Date, "/cases/{id}/meetings (a meeting moved)", "Beneficiary or Intervener"),
        new("field-move-minutes", FieldKind.Number, "/cases/{id}/meetings (a meeting moved)", "Beneficiary or Intervener"),
        new("field-move-reason", FieldKind.Choice, "/cases/{id}/meetings (a meeting moved)", "Beneficiary or Intervener"),

        // Lists, preferences, reports.
        new("field-filter-state", FieldKind.Choice, "/pipeline", Hr),
        new("field-filter-domain", FieldKind.Choice, "/pipeline", Hr),
        new("field-filter-department", FieldKind.Choice, "/pipeline", Hr),
        new("field-filter-intervener", FieldKind.Choice, "/pipeline", Hr),
        new("filter-stalled", FieldKind.Toggle, "/pipeline", Hr),
        new("mail-pref-{}", FieldKind.Toggle, "/preferences", "any role"),
        new("preference-timezone", FieldKind.Choice, "/preferences", "any role"),
        new("calendar-feed-url", FieldKind.ReadOnly, "/preferences", "any role"),
        new("field-report-year", FieldKind.Choice, "/reports", Hr),
    ];

    public static FieldEntry Get(string id) => All.Single(f => f.Id == id);
}
