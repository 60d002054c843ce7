using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>The intervener's description of a conflict is theirs alone; HR reads its status and keeps its own reason in the security audit.</summary>
public class ConflictDeclarationConfidentialityTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string Marker = "CONFLICT-DESCRIPTION-7e21";
    private const string Reason = "OVERRIDE-REASON-7e21";

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    public async Task Nobody_but_its_author_receives_the_description_of_a_declared_conflict(Who who)
    {
        var stored = await shared.OnlyCaseAsync(WithDeclaredConflict($"Ancien associé {Marker}"));

        var sees = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        sees.Should().NotContain(Marker);
    }

    [Fact]
    public async Task The_intervener_reads_their_own_words_and_hr_only_the_status()
    {
        var stored = await shared.OnlyCaseAsync(WithDeclaredConflict($"Ancien associé {Marker}"));
        var cases = shared.Database.Cases();
        var token = TestContext.Current.CancellationToken;

        var intervener = (EngagementCaseView)(await cases.GetAsync(Intervener, stored.Id, token))!;
        var beneficiary = (EngagementCaseView)(await cases.GetAsync(Beneficiary, stored.Id, token))!;
        var hr = (CompanyCaseView)(await cases.GetAsync(Hr, stored.Id, token))!;

        intervener.ConflictDeclaration.Should().Be(new ConflictDeclarationView(ConflictDeclarationStatus.ConflictDeclared, $"Ancien associé {Marker}"));
        beneficiary.ConflictDeclaration.Should().BeNull("the beneficiary is told nothing of the intervener's declaration");
        beneficiary.Header.History.Should().NotContain(h => h.Trigger.IsAboutConflictDeclaration(), "not even through the history");
        intervener.Header.History.Should().Contain(h => h.Trigger == CaseTrigger.DeclareConflict);
        hr.Header.History.Should().Contain(h => h.Trigger == CaseTrigger.DeclareConflict);
        hr.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.ConflictDeclared);
        hr.Header.Progress.ForCompany.Should().Be(NextStep.DecideConflict);
    }

    [Fact]
    public async Task Hrs_override_goes_to_the_security_audit_in_the_same_save_and_never_onto_the_case()
    {
        var stored = await shared.OnlyCaseAsync(WithDeclaredConflict($"Ancien associé {Marker}"));
        var cases = shared.Database.Cases();
        var token = TestContext.Current.CancellationToken;

        (await cases.PerformAsync(Hr, stored.Id, stored.Version, new OverrideDeclaredConflictCommand($"  {Reason}  "), token)).ShouldSucceed();

        await using var db = shared.Database.CreateDbContext();
        var audit = await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.ConflictOverridden).ToListAsync(token);
        audit.Should().ContainSingle().Which.Should().Match<SecurityEvent>(e =>
            e.ActorUserId == HrId && e.SubjectUserId == IntervenerId && e.NewValue == Reason && e.OldValue == CaseCommandRunner.DeclaredByIntervener);
        (await ConfidentialScenario.ReadRawAsync(shared.Database)).Should().NotContain(Marker, "the description is stored encrypted");
        (await WhatTheySee.EverythingAsync(shared.Database, Intervener, stored.Id)).Should().NotContain(Reason, "HR's reason is not on the case");
        (await shared.Database.LoadAsync(stored.Id)).ConflictDeclaration.Should().Be(ConflictDeclarationStatus.ConflictOverridden);
    }

    [Fact]
    public async Task A_refused_override_writes_no_audit_line()
    {
        var stored = await shared.OnlyCaseAsync(ReadyForInterview());
        var token = TestContext.Current.CancellationToken;

        (await shared.Database.Cases().PerformAsync(Hr, stored.Id, stored.Version, new OverrideDeclaredConflictCommand("REFUSED-7e21"), token))
            .ShouldBeRefusedWith(CaseErrors.NoDeclaredConflict);

        await using var db = shared.Database.CreateDbContext();
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.ConflictOverridden && e.NewValue == "REFUSED-7e21", token)).Should().BeFalse();
    }
}
