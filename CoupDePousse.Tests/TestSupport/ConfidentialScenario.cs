using System.Data.Common;
using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>Cases holding every kind of confidential text, each written as <c>text(kind)</c>; and the database read raw.</summary>
public static class ConfidentialScenario
{
    public static readonly string[] Kinds =
    [
        "Request", "VerdictComment", "DraftStatement", "DraftMeasure", "ObjectiveStatement", "ObjectiveMeasure",
        "ExtensionReason", "SessionNote", "ClosingSummary", "ReferralNote", "CancellationReason", "JournalEntry", "CompanyText", "ActionItem",
        "ConflictDescription",
        "SatisfactionComment",
    ];

    /// <summary>Stores a closed case (request, verdict comments, drafts, objectives and their revision, extension, note, summary, a journal entry, an action item), an excluded one and a cancelled one.</summary>
    public static async Task<(Guid Closed, Guid Excluded, Guid Cancelled)> StoreEveryKindAsync(TestDatabase database, Func<string, string> text)
    {
        var closed = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal() with { Description = text("Request") }, BudgetBounds.Default, ProposedAt).Value;
        closed.AssignIntervener(Hr, Candidate(), ManagerId, Now).ShouldSucceed();
        closed.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
        closed.DeclareConflict(Intervener, text("ConflictDescription"), Now).ShouldSucceed();
        closed.OverrideDeclaredConflict(Hr, "Lien ancien, sans effet aujourd'hui.", Now).ShouldSucceed();
        closed.RecordInterview(Intervener, Today, 60, Now).ShouldSucceed();
        closed.Continue(Beneficiary, Now).ShouldSucceed();
        foreach (var party in new[] { Party.Company, Party.Intervener })
        {
            foreach (var criterion in AcceptanceCriteria.OwnedBy(party))
            {
                closed.RecordVerdict(party == Party.Company ? Hr : Intervener, criterion, true, text("VerdictComment"), Now).ShouldSucceed();
            }
        }

        closed.DraftObjectives(Intervener, [new(text("DraftStatement"), text("DraftMeasure"))], Now).ShouldSucceed();
        closed.SetObjectives(Beneficiary, [new(text("ObjectiveStatement"), text("ObjectiveMeasure"))], [4], Now).ShouldSucceed();
        AcceptAgreementByAll(closed);
        var session = closed.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now).Value;
        closed.RequestExtension(Intervener, 60, ExtensionCategory.Other, text("ExtensionReason"), Now).ShouldSucceed();
        closed.ApproveExtension(Hr, Now).ShouldSucceed();
        var note = closed.WriteSessionNote(Intervener, session.Id, text("SessionNote"), Now).Value;
        var actionItem = ActionItem.Add(closed, Intervener, text("ActionItem"), null, Now).ShouldSucceed();
        closed.Close(Intervener, text("ClosingSummary"), Now).ShouldSucceed();
        var journalEntry = JournalEntry.Write(closed, Beneficiary, text("JournalEntry"), Now).ShouldSucceed();
        closed.DraftCompanyText(Intervener, text("CompanyText"), Now).ShouldSucceed();
        closed.ApproveCompanyText(Beneficiary, Now).ShouldSucceed();
        closed.RateSatisfaction(Beneficiary, 9, text("SatisfactionComment"), Now).ShouldSucceed();

        var excluded = InterviewHeld();
        excluded.Exclude(Hr, new Referral(ReferralKind.Other, text("ReferralNote")), Now).ShouldSucceed();

        var cancelled = WithIntervener();
        cancelled.Cancel(Hr, text("CancellationReason"), Now).ShouldSucceed();

        await using var db = database.CreateDbContext();
        db.Cases.AddRange(closed, excluded, cancelled);
        db.SessionNotes.Add(note);
        db.JournalEntries.Add(journalEntry);
        db.ActionItems.Add(actionItem);
        await db.SaveChangesAsync();
        return (closed.Id, excluded.Id, cancelled.Id);
    }

    /// <summary>Every kind of confidential text as the application reads it back.</summary>
    public static async Task<Dictionary<string, string?>> ReadEveryKindAsync(TestDatabase database, (Guid Closed, Guid Excluded, Guid Cancelled) ids)
    {
        await using var db = database.CreateDbContext();
        var closed = (await db.LoadCaseAsync(ids.Closed))!;
        var excluded = (await db.LoadCaseAsync(ids.Excluded))!;
        var cancelled = (await db.LoadCaseAsync(ids.Cancelled))!;
        var note = await db.SessionNotes.SingleAsync(n => n.CaseId == ids.Closed);
        var journalEntry = await db.JournalEntries.SingleAsync(e => e.CaseId == ids.Closed);
        var actionItem = await db.ActionItems.SingleAsync(i => i.CaseId == ids.Closed);
        var revision = closed.ObjectiveRevisions.Single().Objectives.Single();
        return new Dictionary<string, string?>
        {
            ["Request"] = closed.Description,
            ["VerdictComment"] = closed.Verdicts.Select(v => v.Comment).Distinct().Single(),
            ["DraftStatement"] = closed.ObjectiveDrafts.Single().Statement,
            ["DraftMeasure"] = closed.ObjectiveDrafts.Single().SuccessMeasure,
            ["ObjectiveStatement"] = closed.Objectives.Single().Statement,
            ["ObjectiveMeasure"] = closed.Objectives.Single().SuccessMeasure,
            ["RevisionStatement"] = revision.Statement,
            ["RevisionMeasure"] = revision.SuccessMeasure,
            ["ExtensionReason"] = closed.Extensions.Single().Comment!,
            ["SessionNote"] = note.Text,
            ["ClosingSummary"] = closed.ClosingSummary,
            ["CompanyTextDraft"] = closed.CompanyTextDraft,
            ["ApprovedCompanyText"] = closed.ApprovedCompanyText,
            ["ReferralNote"] = excluded.Referral!.Note,
            ["CancellationReason"] = cancelled.CancellationReason,
            ["JournalEntry"] = journalEntry.Text,
            ["SatisfactionComment"] = closed.SatisfactionComment,
            ["ActionItem"] = actionItem.Text,
            ["ConflictDescription"] = closed.ConflictDescription,
        };
    }

    /// <summary>Every value of every table of the model, read through plain SQL, one line per row.</summary>
    public static async Task<string> ReadRawAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var everything = new StringBuilder();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Name}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                everything.Append(table.Name).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    everything.Append(' ').Append(Text(reader, i));
                }

                everything.AppendLine();
            }
        }

        return everything.ToString();
    }

    private static string Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "" : reader.GetValue(ordinal) switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
}
