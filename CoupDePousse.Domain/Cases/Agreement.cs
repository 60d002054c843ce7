using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>The three parties who accept the agreement; the company is HR acting for it.</summary>
public enum AgreementParty
{
    Beneficiary,
    Intervener,
    Company,
}

/// <summary>Why a version of the agreement was drawn up.</summary>
public enum AgreementReason
{
    /// <summary>Version 1, when the case was accepted.</summary>
    Initial,

    /// <summary>HR changed the hours budget after the case was accepted.</summary>
    BudgetChange,

    /// <summary>HR approved an extension of the hours.</summary>
    Extension,
}

/// <summary>
/// The programme's own terms the admin sets, copied into each version when it is drawn up, so that an accepted version
/// never changes under the people who accepted it: the limits of confidentiality (in French and English) and the code
/// of ethics the interveners follow.
/// </summary>
public sealed record AgreementTerms(string ConfidentialityExceptionsFrench, string ConfidentialityExceptionsEnglish, string CodeOfEthics)
{
    public const int MaxExceptionsLength = 1000;
    public const int MaxCodeOfEthicsLength = 300;

    public static AgreementTerms Default { get; } = new(
        "Un risque grave et imminent pour la sécurité de la personne ou de quelqu’un d’autre. Une obligation imposée par la loi.",
        "A serious and imminent risk to the safety of the person or of someone else. An obligation imposed by law.",
        "Code de déontologie de l’EMCC / ICF");

    /// <summary>Checks the admin's input: every text present and short enough.</summary>
    public static Result<AgreementTerms> Create(string? exceptionsFrench, string? exceptionsEnglish, string? codeOfEthics)
    {
        if (string.IsNullOrWhiteSpace(exceptionsFrench) || string.IsNullOrWhiteSpace(exceptionsEnglish) || string.IsNullOrWhiteSpace(codeOfEthics))
        {
            return CaseErrors.AgreementTermsRequired;
        }

        if (Text.HasControlCharacter(exceptionsFrench) || Text.HasControlCharacter(exceptionsEnglish) || Text.HasControlCharacter(codeOfEthics, multiline: false))
        {
            return TextErrors.ControlCharacter;
        }

        if (exceptionsFrench.Trim().Length > MaxExceptionsLength || exceptionsEnglish.Trim().Length > MaxExceptionsLength)
        {
            return CaseErrors.TextTooLong.With(MaxExceptionsLength);
        }

        return codeOfEthics.Trim().Length > MaxCodeOfEthicsLength
            ? CaseErrors.TextTooLong.With(MaxCodeOfEthicsLength)
            : new AgreementTerms(exceptionsFrench.Trim(), exceptionsEnglish.Trim(), codeOfEthics.Trim());
    }
}

/// <summary>
/// One version of the three-way agreement: the terms that vary from case to case and the admin's terms as they stood
/// when it was drawn up. Never changed once drawn up; a change of budget makes a new version (an amendment).
/// </summary>
public sealed class AgreementVersion
{
    private AgreementVersion()
    {
    }

    internal AgreementVersion(int number, AgreementReason reason, CoachingCase coachingCase, int budgetMinutes, AgreementTerms terms, DateTimeOffset drawnUpAt)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Reason = reason;
        DrawnUpAt = drawnUpAt;
        BudgetMinutes = budgetMinutes;
        IntervenerId = coachingCase.IntervenerId ?? "";
        Domains = coachingCase.Domains.ToList();
        TopicCodes = coachingCase.TopicCodes.ToList();
        ConfidentialityExceptionsFrench = terms.ConfidentialityExceptionsFrench;
        ConfidentialityExceptionsEnglish = terms.ConfidentialityExceptionsEnglish;
        CodeOfEthics = terms.CodeOfEthics;
    }

    public Guid Id { get; private set; }

    public int Number { get; private set; }

    public AgreementReason Reason { get; private set; }

    public DateTimeOffset DrawnUpAt { get; private set; }

    /// <summary>The whole hours budget at that time, approved extensions included.</summary>
    public int BudgetMinutes { get; private set; }

    public string IntervenerId { get; private set; } = "";

    public List<CoachingDomain> Domains { get; private set; } = [];

    public List<string> TopicCodes { get; private set; } = [];

    public string ConfidentialityExceptionsFrench { get; private set; } = "";

    public string ConfidentialityExceptionsEnglish { get; private set; } = "";

    public string CodeOfEthics { get; private set; } = "";

    public bool IsAmendment => Number > 1;

    public AgreementTerms Terms => new(ConfidentialityExceptionsFrench, ConfidentialityExceptionsEnglish, CodeOfEthics);
}

/// <summary>One party's acceptance of one version, in the app.</summary>
public sealed class AgreementAcceptance
{
    private AgreementAcceptance()
    {
    }

    internal AgreementAcceptance(int versionNumber, AgreementParty party, string userId, DateTimeOffset acceptedAt)
    {
        Id = Guid.CreateVersion7();
        VersionNumber = versionNumber;
        Party = party;
        UserId = userId;
        AcceptedAt = acceptedAt;
    }

    public Guid Id { get; private set; }

    public int VersionNumber { get; private set; }

    public AgreementParty Party { get; private set; }

    public string UserId { get; private set; } = "";

    public DateTimeOffset AcceptedAt { get; private set; }

    internal void ReplaceUser(string userId) => UserId = userId;
}
