using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.App.Data.Generation;

/// <summary>
/// Tells each generated case as the sequence of the domain's own operations that brought it where it stands, each at
/// a later moment than the one before, so that states, history and stored facts are what the app would have written.
/// Each case draws from its own seeded random, so that cases that end can be told on several threads at once; the
/// cases that stay active share the interveners' loads and are told in order on one thread.
/// </summary>
internal sealed class CaseStoryteller
{
    private const int HistoryDays = 3 * 365;

    private static readonly int[] SessionLengths = [60, 60, 90, 90, 90, 120, 120, 45, 75, 105];
    private static readonly int[] ExtensionLengths = [60, 90, 120, 180];
    private static readonly int[] Budgets = [4 * 60, 5 * 60, 7 * 60, 8 * 60, 10 * 60];

    private readonly GeneratedCast _cast;
    private readonly BudgetBounds _bounds;
    private readonly DateTimeOffset _now;
    // How many active cases each intervener holds among the cases told so far.
    private readonly Dictionary<string, int> _loads;
    private readonly HashSet<string> _withActiveCase = [];

    public CaseStoryteller(GeneratedCast cast, BudgetBounds bounds, DateTimeOffset now)
    {
        _cast = cast;
        _bounds = bounds;
        _now = now;
        _loads = cast.Profiles.ToDictionary(p => p.UserId, _ => 0);
    }

    /// <summary>The random of one case: the same for a seed and a position, whichever thread tells it.</summary>
    public static Random RandomOf(int seed, int position)
    {
        // SplitMix64 of the two numbers: nearby positions get unrelated seeds.
        var mixed = unchecked(((ulong)(uint)seed << 32 | (uint)position) + 0x9E3779B97F4A7C15UL);
        mixed = unchecked((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL);
        mixed = unchecked((mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL);
        return new Random((int)(mixed ^ (mixed >> 31)));
    }

    /// <summary>
    /// Tells one case; its private session notes join <paramref name="notes"/>. Cases that end may be told concurrently;
    /// cases that stay active must be told one after the other, after those that end.
    /// </summary>
    public CoachingCase Tell(CaseStory story, Random random, List<SessionNote> notes) =>
        new Telling(this, new CasePlan(story, ProposalDate(story, random)), random, notes).Run();

    /// <summary>The day a case of this story was proposed: ended ones over the last three years, active ones recently.</summary>
    private DateTimeOffset ProposalDate(CaseStory story, Random random)
    {
        var (newest, oldest) = story switch
        {
            CaseStory.AwaitingAssignment => (0, 10),
            CaseStory.AwaitingAgreement => (2, 20),
            CaseStory.AwaitingInterview => (5, 30),
            CaseStory.AwaitingDecision => (10, 40),
            CaseStory.AwaitingCompanyVerdicts or CaseStory.AwaitingIntervenerVerdicts => (12, 45),
            CaseStory.AwaitingCompanyRuling or CaseStory.AwaitingIntervenerRuling => (20, 60),
            CaseStory.Accepted => (25, 70),
            CaseStory.ObjectivesSet => (35, 90),
            CaseStory.InSessions => (45, 150),
            CaseStory.NearLimit or CaseStory.ExtensionPending => (70, 180),
            CaseStory.ExtensionApproved or CaseStory.ExtensionRejected => (90, 210),
            CaseStory.Completed or CaseStory.Interrupted => (160, HistoryDays),
            _ => (40, HistoryDays),
        };
        return _now.AddMinutes(-random.Next(newest * 24 * 60, oldest * 24 * 60 + 1));
    }

    private sealed class Telling
    {
        private readonly CaseStoryteller _teller;
        private readonly Random _random;
        private readonly CasePlan _plan;
        private readonly List<SessionNote> _notes;
        private readonly DateTimeOffset _limit;
        private readonly GeneratedPerson _person;
        private readonly Actor _beneficiary;
        private readonly Actor _hr;
        private readonly CoachingCase _case;
        private DateTimeOffset _at;
        private Actor? _intervener;

        public Telling(CaseStoryteller teller, CasePlan plan, Random random, List<SessionNote> notes)
        {
            _teller = teller;
            _random = random;
            _plan = plan;
            _notes = notes;
            _limit = teller._now.AddMinutes(-5);
            _at = plan.ProposedAt;
            _person = PickBeneficiary();
            _beneficiary = _person.Actor;
            _hr = GeneratedTexts.Pick(_random, teller._cast.HrMembers.Where(h => h.Id != _person.Id).ToList()).Actor;
            _case = Propose();
        }

        private CaseStory Story => _plan.Story;

        private BudgetBounds Bounds => _teller._bounds;

        private bool Chance(double probability) => _random.NextDouble() < probability;

        public CoachingCase Run()
        {
            switch (Story)
            {
                case CaseStory.AwaitingAssignment:
                    break;
                case CaseStory.DeclinedOffer:
                    if (!Chance(0.6) || AssignOrCancel())
                    {
                        Do(_case.Decline(_beneficiary, Wait(1, 10)));
                    }

                    break;
                case CaseStory.WithdrawnByManager:
                    if (!Chance(0.4) || AssignOrCancel())
                    {
                        Do(_case.Withdraw(Actor.Manager(_case.ProposedById), Wait(1, 10)));
                    }

                    break;
                case CaseStory.StoppedBeforeInterview:
                    Reach(_random.Next(3));
                    Stop();
                    break;
                case CaseStory.StoppedAfterInterview:
                    Reach(3 + _random.Next(3));
                    Stop();
                    break;
                case CaseStory.CancelledByHr:
                    Reach(_random.Next(6));
                    if (_case.State.IsActive())
                    {
                        Do(_case.Cancel(_hr, Chance(0.7) ? GeneratedTexts.CancellationReason(_random) : null, Wait(1, 15)));
                    }

                    break;
                case CaseStory.Excluded:
                    Reach(_random.Next(6));
                    Exclude();
                    break;
                case CaseStory.RefusedAfterDiscussion:
                    Reach(5);
                    RefuseAfterDiscussion();
                    break;
                case CaseStory.Interrupted:
                    if (!Accept())
                    {
                        break;
                    }

                    if (Chance(0.7))
                    {
                        SetObjectives();
                        if (Chance(0.6))
                        {
                            LogSessionsUntil(_random.NextDouble() * 0.7, belowWarning: true);
                        }
                    }

                    Stop();
                    break;
                case CaseStory.Completed:
                    Complete();
                    break;
                default:
                    TellActive();
                    break;
            }

            return _case;
        }

        private void TellActive()
        {
            if (!Assign())
            {
                return;
            }

            switch (Story)
            {
                case CaseStory.AwaitingAgreement:
                    return;
                case CaseStory.AwaitingInterview:
                    Reach(2);
                    return;
                case CaseStory.AwaitingDecision:
                    Reach(3);
                    return;
                case CaseStory.AwaitingCompanyVerdicts:
                    Reach(4);
                    Verdicts(_random.Next(2) == 0 ? Party.Intervener : Party.Company, all: false);
                    return;
                case CaseStory.AwaitingIntervenerVerdicts:
                    Reach(4);
                    Verdicts(Party.Company, all: true);
                    Verdicts(Party.Intervener, all: false);
                    return;
                case CaseStory.AwaitingCompanyRuling:
                    Reach(5);
                    if (Chance(0.5))
                    {
                        Do(_case.RuleAccept(_intervener!, Wait(1, 7)));
                    }

                    return;
                case CaseStory.AwaitingIntervenerRuling:
                    Reach(5);
                    Do(_case.RuleAccept(_hr, Wait(1, 7)));
                    return;
            }

            if (!Accept() || Story == CaseStory.Accepted)
            {
                return;
            }

            SetObjectives();
            switch (Story)
            {
                case CaseStory.InSessions:
                    LogSessionsUntil(0.1 + _random.NextDouble() * 0.65, belowWarning: true);
                    break;
                case CaseStory.NearLimit:
                    LogSessionsUntil(HoursBudget.WarningPercentage / 100.0);
                    break;
                case CaseStory.ExtensionPending:
                    LogSessionsUntil(HoursBudget.WarningPercentage / 100.0);
                    RequestExtension();
                    break;
                case CaseStory.ExtensionApproved or CaseStory.ExtensionRejected:
                    LogSessionsUntil(HoursBudget.WarningPercentage / 100.0);
                    if (RequestExtension())
                    {
                        Do(Story == CaseStory.ExtensionApproved ? _case.ApproveExtension(_hr, Wait(1, 7)) : _case.RejectExtension(_hr, Wait(1, 7)));
                        if (Story == CaseStory.ExtensionApproved && Chance(0.5))
                        {
                            LogSessionsUntil(0.85);
                        }
                    }

                    break;
            }
        }

        private GeneratedPerson PickBeneficiary()
        {
            var cast = _teller._cast;
            var active = Story.EndsActive();
            for (var attempt = 0; ; attempt++)
            {
                var roll = _random.NextDouble();
                var person = Story == CaseStory.WithdrawnByManager || roll < 0.93 ? GeneratedTexts.Pick(_random, cast.Employees)
                    : roll < 0.98 ? GeneratedTexts.Pick(_random, cast.Managers)
                    : GeneratedTexts.Pick(_random, cast.HrMembers);

                // A person has one active case at a time, as far as the draw allows.
                if (!active || _teller._withActiveCase.Add(person.Id) || attempt >= 20)
                {
                    return person;
                }
            }
        }

        private Actor PickProposer()
        {
            var cast = _teller._cast;
            var managerId = _person.ManagerId;
            var roll = _random.NextDouble();
            if (Story == CaseStory.WithdrawnByManager || (managerId is not null && _person.Role != Role.HR && roll < 0.45))
            {
                return Actor.Manager(managerId!);
            }

            return roll < 0.7 && cast.HrMembers.Any(h => h.Id != _person.Id)
                ? GeneratedTexts.Pick(_random, cast.HrMembers.Where(h => h.Id != _person.Id).ToList()).Actor
                : _beneficiary;
        }

        private CoachingCase Propose()
        {
            var proposer = PickProposer();
            var domains = Enum.GetValues<CoachingDomain>().OrderBy(_ => _random.Next()).Take(Chance(0.75) ? 1 : 2).ToList();
            var topics = domains.SelectMany(d => CoachingCatalogue.TopicsOf(d).OrderBy(_ => _random.Next()).Take(_random.Next(1, 3))).Select(t => t.Code).ToList();
            var proposal = new CaseProposal(domains, topics, GeneratedTexts.Situation(_random, domains[0]), GeneratedTexts.WorkImpact(_random), GeneratedTexts.Timing(_random),
                OfferChecklistConfirmed: Proposing.RequiresOfferChecklist(proposer, _person.Id));
            var proposed = CoachingCase.Propose(proposer, _person.AsBeneficiary, proposal, _teller._bounds, _at);
            return proposed.IsSuccess ? proposed.Value : throw Refused("proposal", proposed.Error!);
        }

        /// <summary>The case's way up to a milestone: 0 proposed, 1 assigned, 2 agreed to meet, 3 interviewed, 4 continued, 5 under discussion.</summary>
        private void Reach(int milestone)
        {
            if (milestone >= 1 && _intervener is null && !AssignOrCancel())
            {
                return;
            }

            // Most interveners declare at once; the interview always waits for the declaration.
            if (_intervener is not null && _case.Interview is null && !_case.State.IsEnded() && _case.ConflictDeclaration == ConflictDeclarationStatus.NotDeclared
                && (milestone >= 3 || Chance(0.7)))
            {
                Do(_case.DeclareNoConflict(_intervener!, Wait(0, 2)));
            }

            if (milestone >= 2 && _case.State == CaseState.Proposed)
            {
                Do(_case.AgreeToMeet(_beneficiary, Wait(1, 7)));
            }

            if (milestone >= 3 && _case.Interview is null)
            {
                var at = Wait(3, 14);
                Do(_case.RecordInterview(_intervener!, DateOnly.FromDateTime(at.UtcDateTime), 15 * _random.Next(2, 7), at));
            }

            if (milestone >= 4 && !_case.BeneficiaryContinued)
            {
                Do(_case.Continue(_beneficiary, Wait(0, 5)));
            }

            if (milestone >= 5 && _case.State == CaseState.PreliminaryInterview)
            {
                if (Chance(0.5))
                {
                    Verdicts(Party.Company, all: false);
                }

                var party = Chance(0.6) ? Party.Intervener : Party.Company;
                var criterion = GeneratedTexts.Pick(_random, AcceptanceCriteria.OwnedBy(party).ToList());
                Do(_case.RecordVerdict(ActorFor(party), criterion, false, Chance(0.7) ? GeneratedTexts.VerdictComment(_random) : null, Wait(0, 5)));
            }
        }

        private Actor ActorFor(Party party) => party == Party.Company ? _hr : _intervener!;

        // Validated verdicts of one party: all its criteria, or some of them (never all).
        private void Verdicts(Party party, bool all)
        {
            var criteria = AcceptanceCriteria.OwnedBy(party).Where(c => _case.VerdictOf(c, party) is null).ToList();
            var count = all ? criteria.Count : _random.Next(criteria.Count);
            var at = Wait(0, 4);
            foreach (var criterion in criteria.Take(count))
            {
                Do(_case.RecordVerdict(ActorFor(party), criterion, true, null, at));
            }
        }

        /// <summary>Takes the case to acceptance, mostly through validated criteria, sometimes through a discussion; false when nobody could be assigned.</summary>
        private bool Accept()
        {
            if (!AssignOrCancel())
            {
                return false;
            }

            if (Chance(0.85))
            {
                Reach(4);
                var first = Chance(0.5) ? Party.Company : Party.Intervener;
                Verdicts(first, all: true);
                Verdicts(first == Party.Company ? Party.Intervener : Party.Company, all: true);
            }
            else
            {
                Reach(5);
                Do(_case.RuleAccept(_hr, Wait(1, 7)));
                Do(_case.RuleAccept(_intervener!, Wait(1, 7)));
            }

            if (Chance(0.3) && Budgets.Where(b => Bounds.Contains(b) && b != _case.BudgetMinutes).ToList() is { Count: > 0 } budgets)
            {
                Do(_case.SetBudget(_hr, GeneratedTexts.Pick(_random, budgets), Bounds, Wait(0, 3)));
            }

            if (Chance(0.35))
            {
                Do(_case.DraftObjectives(_intervener!, GeneratedTexts.ObjectivesFor(_random, ObjectiveCount()), Wait(2, 7)));
            }

            return true;
        }

        // Most people set one or two objectives, a few three.
        private int ObjectiveCount() => _random.NextDouble() switch { < 0.45 => 1, < 0.85 => 2, _ => 3 };

        private void SetObjectives()
        {
            if (_case.State != CaseState.Accepted)
            {
                return;
            }

            var objectives = GeneratedTexts.ObjectivesFor(_random, ObjectiveCount());
            Do(_case.SetObjectives(_beneficiary, objectives, objectives.Select(_ => (int?)_random.Next(2, 7)).ToList(), Wait(3, 14)));
            if (Chance(0.3))
            {
                Do(_case.ShareObjectives(_beneficiary, true, Wait(0, 3)));
            }

            AcceptAgreement();
        }

        /// <summary>Whoever the three-way agreement still waits on accepts it, as they must before any session.</summary>
        private void AcceptAgreement()
        {
            var awaiting = _case.AgreementAwaiting;
            foreach (var (party, actor) in new[] { (AgreementParties.Intervener, _intervener!), (AgreementParties.Beneficiary, _beneficiary), (AgreementParties.Company, _hr) })
            {
                if (awaiting.HasFlag(party))
                {
                    Do(_case.AcceptAgreement(actor, Wait(0, 2)));
                }
            }
        }

        /// <summary>Sessions until this share of the budget is used (at least one); below the warning threshold when asked.</summary>
        private void LogSessionsUntil(double share, bool belowWarning = false)
        {
            AcceptAgreement();
            var first = _case.Sessions.Count == 0;
            while (true)
            {
                var hours = _case.Hours;
                var target = (int)Math.Ceiling(hours.TotalMinutes * share);
                if (hours.UsedMinutes >= target && !(first && _case.Sessions.Count == 0))
                {
                    return;
                }

                var room = belowWarning ? (hours.TotalMinutes * HoursBudget.WarningPercentage - 1) / 100 - hours.UsedMinutes : hours.RemainingMinutes;
                var minutes = Math.Min(GeneratedTexts.Pick(_random, SessionLengths), room / Durations.StepMinutes * Durations.StepMinutes);
                if (minutes < Durations.StepMinutes)
                {
                    return;
                }

                var at = _case.Sessions.Count == 0 ? Wait(3, 14) : Wait(5, 21);
                var session = _case.LogSession(_intervener!, DateOnly.FromDateTime(at.UtcDateTime), minutes, (SessionMode)_random.Next(3), at);
                if (session.IsFailure)
                {
                    throw Refused("session", session.Error!);
                }

                if (Chance(0.3))
                {
                    var note = _case.WriteSessionNote(_intervener!, session.Value.Id, GeneratedTexts.SessionNote(_random), at.AddHours(1) > _limit ? at : at.AddHours(1));
                    _notes.Add(note.IsSuccess ? note.Value : throw Refused("note", note.Error!));
                }
            }
        }

        private bool RequestExtension()
        {
            var room = _case.Hours.ExtensionRoomMinutes;
            var lengths = ExtensionLengths.Where(m => m <= room).ToList();
            if (lengths.Count == 0)
            {
                return false;
            }

            var requested = _case.RequestExtension(_intervener!, GeneratedTexts.Pick(_random, lengths), (ExtensionCategory)_random.Next(4),
                Chance(0.5) ? GeneratedTexts.ExtensionComment(_random) : null, Wait(0, 2));
            return requested.IsSuccess ? true : throw Refused("extension", requested.Error!);
        }

        private void Complete()
        {
            if (!Accept())
            {
                return;
            }

            SetObjectives();
            LogSessionsUntil(0.6 + _random.NextDouble() * 0.4);
            var extension = _random.NextDouble();
            if (extension < 0.25 && RequestExtension())
            {
                Do(extension < 0.18 ? _case.ApproveExtension(_hr, Wait(1, 7)) : _case.RejectExtension(_hr, Wait(1, 7)));
                LogSessionsUntil(0.95);
            }

            if (_case.State != CaseState.InSessions)
            {
                return;
            }

            Do(_case.Close(_intervener!, GeneratedTexts.ClosingSummary(_random), Wait(3, 14)));
            if (Chance(0.85))
            {
                // Where they stand at the end follows the rating: most move up, a few not at all.
                var ratings = _case.Objectives.ToDictionary(o => o.Id, o => _random.NextDouble() switch
                {
                    < 0.55 => new ObjectiveAssessment(ObjectiveRating.Reached, Math.Min(Scores.Max, o.StartingScore!.Value + _random.Next(3, 6))),
                    < 0.9 => new ObjectiveAssessment(ObjectiveRating.PartlyReached, Math.Min(Scores.Max, o.StartingScore!.Value + _random.Next(1, 4))),
                    _ => new ObjectiveAssessment(ObjectiveRating.NotReached, o.StartingScore!.Value + _random.Next(0, 2)),
                });
                Do(_case.RateObjectives(_beneficiary, ratings, Wait(0, 10)));
            }

            if (Chance(0.7))
            {
                var score = _random.NextDouble() switch { < 0.55 => _random.Next(9, 11), < 0.85 => _random.Next(7, 9), _ => _random.Next(3, 7) };
                Do(_case.RateSatisfaction(_beneficiary, score, null, Wait(0, 10)));
            }

            if (!_case.ObjectivesShared && Chance(0.3))
            {
                Do(_case.ShareObjectives(_beneficiary, true, Wait(0, 3)));
            }
        }

        private void Stop()
        {
            if (_case.State.IsActive())
            {
                Do(_case.Stop(_beneficiary, Wait(1, 20)));
            }
        }

        private void Exclude()
        {
            if (_case.State.IsEnded())
            {
                return;
            }

            var byIntervener = _intervener is not null && _case.State != CaseState.Proposed && Chance(0.5);
            var referral = new Referral((ReferralKind)_random.Next(4), GeneratedTexts.ReferralNote(_random));
            Do(_case.Exclude(byIntervener ? _intervener! : _hr, referral, Wait(1, 10)));
        }

        private void RefuseAfterDiscussion()
        {
            if (_case.State != CaseState.UnderDiscussion)
            {
                return;
            }

            var decliner = Chance(0.5) ? Party.Company : Party.Intervener;
            if (Chance(0.4))
            {
                Do(_case.RuleAccept(ActorFor(decliner == Party.Company ? Party.Intervener : Party.Company), Wait(1, 7)));
            }

            Do(_case.RuleDecline(ActorFor(decliner), Wait(1, 7)));
        }

        /// <summary>Assigns an intervener, or for a story that must end, lets HR cancel when nobody has room.</summary>
        private bool AssignOrCancel()
        {
            if (_intervener is not null || Assign())
            {
                return true;
            }

            if (_case.State.IsActive() && !Story.EndsActive())
            {
                Do(_case.Cancel(_hr, "Aucun intervenant disponible", Wait(1, 15)));
            }

            return false;
        }

        // An intervener who covers a domain of the case and has room; the load is that of the active cases told so far.
        private bool Assign()
        {
            if (_intervener is not null)
            {
                return true;
            }

            var loads = _teller._loads;
            var candidates = _teller._cast.Profiles
                .Select(p => new IntervenerCandidate(p, loads[p.UserId], IntervenerAccount.Active))
                .Where(c => c.Fits(_case.Domains, _person.AsBeneficiary).IsSuccess)
                .ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var chosen = GeneratedTexts.Pick(_random, candidates);
            Do(_case.AssignIntervener(_hr, chosen, _person.ManagerId, Wait(1, 10)));
            _intervener = Actor.Intervener(chosen.Profile.UserId);
            if (Story.EndsActive())
            {
                loads[chosen.Profile.UserId]++;
            }

            return true;
        }

        /// <summary>Moves the clock on by a few days, never past the present.</summary>
        private DateTimeOffset Wait(int minDays, int maxDays)
        {
            var next = _at.AddMinutes(_random.Next(minDays * 24 * 60, maxDays * 24 * 60 + 1));
            _at = next < _limit ? next : _limit > _at ? _limit : _at;
            return _at;
        }

        private void Do(Result result)
        {
            if (result.IsFailure)
            {
                throw Refused("step", result.Error!);
            }
        }

        private InvalidOperationException Refused(string what, Error error) =>
            new($"Generated {Story} case: the domain refused a {what}: {error.Code} {error.English}");
    }
}
