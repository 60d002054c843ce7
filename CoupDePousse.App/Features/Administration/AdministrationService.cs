using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Mail;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// Users and roles, who manages whom, intervener profiles, budget bounds. Admin only, and it never
/// touches case content. Identity's UserManager is resolved in a scope per call, so its context is short-lived.
/// </summary>
public sealed class AdministrationService(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    SecurityAudit audit,
    AccountLinkMail linkMail,
    TimeProvider clock,
    ILogger<AdministrationService> logger)
{
    public async Task<Result<PagedResult<UserRow>>> ListUsersAsync(Actor actor, PageRequest page, string? search = null, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListUsers", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // A search never stores anything: a longer one is cut to the field's limit, not refused.
            var term = search.Trim() is { Length: > TextLimits.Search } tooLong ? tooLong[..TextLimits.Search] : search.Trim();
            users = users.Where(u => u.DisplayName.Contains(term) || (u.Email != null && u.Email.Contains(term)));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users.OrderBy(u => u.DisplayName).Skip(page.Skip).Take(page.SafePageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.Department,
                u.ManagerId,
                ManagerName = db.Users.Where(m => m.Id == u.ManagerId).Select(m => m.DisplayName).FirstOrDefault(),
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.LockoutEnd,
                u.DisabledAt,
                HasPassword = u.PasswordHash != null,
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new UserRow(r.Id, r.Email ?? "", r.DisplayName, r.Role, r.Department, r.ManagerId, r.ManagerName,
            r.DisabledAt is not null ? AccountStatus.Disabled
            : r.LockoutEnd > now ? AccountStatus.LockedOut
            : r.HasPassword ? AccountStatus.Active
            : AccountStatus.InvitationPending)).ToList();
        return new PagedResult<UserRow>(items, total, page.SafePage, page.SafePageSize);
    }

    /// <summary>Creates an account without a password and returns the invitation link its owner uses to choose one.</summary>
    public Task<Result<AccountLink>> CreateUserAsync(Actor actor, NewUser newUser, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "CreateUser", CreateUserCoreAsync(actor, newUser, cancellationToken));

    private async Task<Result<AccountLink>> CreateUserCoreAsync(Actor actor, NewUser newUser, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        if (!Roles.All.Contains(newUser.Role))
        {
            return AdministrationErrors.UnknownRole;
        }

        // The service checks what it stores, whatever the form let through.
        var displayName = Text.Name(newUser.DisplayName, TextLimits.DisplayName);
        if (displayName.IsFailure)
        {
            return displayName.Error!;
        }

        var department = Text.Optional(newUser.Department, TextLimits.Department);
        if (department.IsFailure)
        {
            return department.Error!;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (newUser.ManagerId is not null && !await IsManagerAsync(users, newUser.ManagerId))
        {
            return AdministrationErrors.ManagerMustBeManager;
        }

        var email = (newUser.Email ?? "").Trim();
        if (email.Length > TextLimits.Email)
        {
            return TextErrors.TooLong.With(TextLimits.Email);
        }

        if (Text.HasControlCharacter(email, multiline: false))
        {
            return TextErrors.ControlCharacter;
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName.Value,
            Department = department.Value,
            ManagerId = newUser.ManagerId,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Rejected(created);
        }

        var roled = await users.AddToRoleAsync(user, newUser.Role);
        if (!roled.Succeeded)
        {
            return Rejected(roled);
        }

        await audit.RecordAsync(SecurityEventKind.UserCreated, actor.UserId, user.Id, null,
            $"{user.Email}; {newUser.Role}; {Organisation(user.Department, await EmailOfAsync(users, user.ManagerId))}", cancellationToken);
        var url = await scope.ServiceProvider.GetRequiredService<AccountLinks>().IssueAsync(user, actor.UserId, cancellationToken);
        return await DeliverAsync(user, url, isReset: false, cancellationToken);
    }

    /// <summary>A new link for an existing account: its owner chooses a new password (or, invitation unused, a first one).</summary>
    public Task<Result<AccountLink>> IssuePasswordLinkAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "IssuePasswordLink", IssuePasswordLinkCoreAsync(actor, userId, cancellationToken));

    private async Task<Result<AccountLink>> IssuePasswordLinkCoreAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        if (user.DisabledAt is not null)
        {
            return AdministrationErrors.AccountDisabled;
        }

        var isReset = await users.HasPasswordAsync(user);
        var url = await scope.ServiceProvider.GetRequiredService<AccountLinks>().IssueAsync(user, actor.UserId, cancellationToken);
        return await DeliverAsync(user, url, isReset, cancellationToken);
    }

    // With SMTP the link goes straight to its owner and the administrator never sees it; if that mail fails, or without SMTP, it is shown once.
    private async Task<AccountLink> DeliverAsync(ApplicationUser user, string url, bool isReset, CancellationToken cancellationToken)
    {
        if (!linkMail.CanSend || string.IsNullOrWhiteSpace(user.Email))
        {
            return new AccountLink(user.Id, url);
        }

        try
        {
            await linkMail.SendAsync(new MailRecipient(user.Email, user.DisplayName, user.Language, user.TimeZoneId), isReset, url, cancellationToken);
            return new AccountLink(user.Id, null, AccountLinkMail.Mask(user.Email));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Mail: the account link for user {UserId} could not be sent ({Error}); it is shown to the administrator instead",
                user.Id, exception.GetType().Name);
            return new AccountLink(user.Id, url, MailFailed: true);
        }
    }

    /// <summary>Disables an account: it can no longer sign in, its sessions end, its cases stay as they are.</summary>
    public Task<Result> DisableAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "DisableAccount", SetDisabledCoreAsync(actor, userId, disable: true, cancellationToken));

    public Task<Result> EnableAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "EnableAccount", SetDisabledCoreAsync(actor, userId, disable: false, cancellationToken));

    private async Task<Result> SetDisabledCoreAsync(Actor actor, string userId, bool disable, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (disable && userId == actor.UserId)
        {
            return AdministrationErrors.CannotDisableSelf;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        if ((user.DisabledAt is not null) == disable)
        {
            return Result.Success();
        }

        user.DisabledAt = disable ? clock.GetUtcNow() : null;
        // Someone back is no longer leaving: a scheduled erasure is called off (decision 039).
        user.ErasureDueAt = disable ? user.ErasureDueAt : null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Rejected(updated);
        }

        // A disabled account's sessions end at once; either way a new stamp voids any link issued before.
        if (disable)
        {
            await scope.ServiceProvider.GetRequiredService<SessionRevocation>().RevokeAllAsync(user.Id, actor.UserId, cancellationToken);
        }
        else
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await audit.RecordAsync(disable ? SecurityEventKind.AccountDisabled : SecurityEventKind.AccountEnabled, actor.UserId, user.Id,
            disable ? "enabled" : "disabled", disable ? "disabled" : "enabled", cancellationToken);
        return Result.Success();
    }

    public Task<Result> SetRoleAsync(Actor actor, string userId, string role, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetRole", SetRoleCoreAsync(actor, userId, role, cancellationToken));

    private async Task<Result> SetRoleCoreAsync(Actor actor, string userId, string role, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (!Roles.All.Contains(role))
        {
            return AdministrationErrors.UnknownRole;
        }

        if (userId == actor.UserId && role != Roles.Admin)
        {
            return AdministrationErrors.CannotDemoteSelf;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role]))
        {
            return Result.Success();
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return Rejected(removed);
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return Rejected(added);
        }

        // The role is a claim of the session: the account's sessions end, and it signs in again with its new role.
        await scope.ServiceProvider.GetRequiredService<SessionRevocation>().RevokeAllAsync(user.Id, actor.UserId, cancellationToken);
        await audit.RecordAsync(SecurityEventKind.RoleChanged, actor.UserId, user.Id, string.Join(", ", current.Order()), role, cancellationToken);
        if (role != Roles.Intervener)
        {
            await RemoveIntervenerProfileAsync(actor, user.Id, cancellationToken);
        }

        return Result.Success();
    }

    // Whoever is no longer an intervener is offered for no new case; the cases they hold stay theirs and HR sees them flagged.
    private async Task RemoveIntervenerProfileAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.IntervenerProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            return;
        }

        db.IntervenerProfiles.Remove(profile);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(SecurityEventKind.IntervenerProfileChanged, actor.UserId, userId, Describe(profile), null, cancellationToken);
    }

    /// <summary>Who manages whom: the department and the manager of one person.</summary>
    public Task<Result> SetOrganisationAsync(Actor actor, string userId, string? department, string? managerId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetOrganisation", SetOrganisationCoreAsync(actor, userId, department, managerId, cancellationToken));

    private async Task<Result> SetOrganisationCoreAsync(Actor actor, string userId, string? department, string? managerId, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var checkedDepartment = Text.Optional(department, TextLimits.Department);
        if (checkedDepartment.IsFailure)
        {
            return checkedDepartment.Error!;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        if (managerId is not null && (managerId == userId || !await IsManagerAsync(users, managerId)))
        {
            return AdministrationErrors.ManagerMustBeManager;
        }

        var before = Organisation(user.Department, await EmailOfAsync(users, user.ManagerId));
        user.Department = checkedDepartment.Value;
        user.ManagerId = managerId;
        var after = Organisation(user.Department, await EmailOfAsync(users, user.ManagerId));
        if (before == after)
        {
            return Result.Success();
        }

        // The person's cases follow them to their new department, in the same transaction as the move.
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Rejected(updated);
        }

        await CaseCounts.MoveDepartmentAsync(db, user.Id, user.Department, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(SecurityEventKind.OrganisationChanged, actor.UserId, user.Id, before, after, cancellationToken);
        return Result.Success();
    }

    public async Task<Result<IReadOnlyList<IntervenerProfileRow>>> ListIntervenerProfilesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListIntervenerProfiles", Role.Admin, Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profiles = await db.IntervenerProfiles.AsNoTracking().ToListAsync(cancellationToken);
        var names = await db.NamesAsync(profiles.Select(p => p.UserId), cancellationToken);
        var loads = await db.IntervenerLoadsAsync(cancellationToken: cancellationToken);
        IReadOnlyList<IntervenerProfileRow> rows = profiles
            .Select(p => new IntervenerProfileRow(p.UserId, names.GetValueOrDefault(p.UserId, "?"), p.Domains, p.MaxActiveCases, p.HourlyRateCents, loads.GetValueOrDefault(p.UserId)))
            .OrderBy(r => r.Name).ToList();
        return Result.Success(rows);
    }

    public Task<Result> SaveIntervenerProfileAsync(Actor actor, string userId, IReadOnlyCollection<CoachingDomain> domains, int maxActiveCases, int hourlyRateCents, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SaveIntervenerProfile", SaveIntervenerProfileCoreAsync(actor, userId, domains, maxActiveCases, hourlyRateCents, cancellationToken));

    private async Task<Result> SaveIntervenerProfileCoreAsync(Actor actor, string userId, IReadOnlyCollection<CoachingDomain> domains, int maxActiveCases, int hourlyRateCents, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isIntervener = await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Intervener), cancellationToken);
        if (!isIntervener)
        {
            return AdministrationErrors.NotAnIntervenerAccount;
        }

        var profile = await db.IntervenerProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var before = profile is null ? null : Describe(profile);
        if (profile is null)
        {
            var created = IntervenerProfile.Create(userId, domains, maxActiveCases, hourlyRateCents);
            if (created.IsFailure)
            {
                return created.Error!;
            }

            profile = created.Value;
            db.IntervenerProfiles.Add(profile);
        }
        else
        {
            var updated = profile.Update(domains, maxActiveCases, hourlyRateCents);
            if (updated.IsFailure)
            {
                return updated;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var after = Describe(profile);
        if (before != after)
        {
            await audit.RecordAsync(SecurityEventKind.IntervenerProfileChanged, actor.UserId, userId, before, after, cancellationToken);
        }

        return Result.Success();
    }

    public async Task<Result<BudgetBoundsView>> GetBudgetBoundsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadBudgetBounds", Role.Admin, Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bounds = await db.BudgetBoundsAsync(cancellationToken);
        return new BudgetBoundsView(bounds.MinimumMinutes, bounds.MaximumMinutes);
    }

    public Task<Result> SetBudgetBoundsAsync(Actor actor, int minimumMinutes, int maximumMinutes, CancellationToken cancellationToken = default) =>
        ChangeSettingsAsync(actor, "SetBudgetBounds", SecurityEventKind.BudgetBoundsChanged,
            () => BudgetBounds.Create(minimumMinutes, maximumMinutes).Map<Action<BudgetSettings>>(bounds => settings =>
            {
                settings.MinimumMinutes = bounds.MinimumMinutes;
                settings.MaximumMinutes = bounds.MaximumMinutes;
            }),
            settings => FormattableString.Invariant($"minMinutes={settings.MinimumMinutes}; maxMinutes={settings.MaximumMinutes}"),
            cancellationToken);

    public async Task<Result<int>> GetSmallGroupThresholdAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadSmallGroupThreshold", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.SmallGroupThresholdAsync(cancellationToken)).Value;
    }

    public Task<Result> SetSmallGroupThresholdAsync(Actor actor, int caseCount, CancellationToken cancellationToken = default) =>
        ChangeSettingsAsync(actor, "SetSmallGroupThreshold", SecurityEventKind.SmallGroupThresholdChanged,
            () => SmallGroupThreshold.Create(caseCount).Map<Action<BudgetSettings>>(threshold => settings => settings.SmallGroupThreshold = threshold.Value),
            settings => FormattableString.Invariant($"cases={settings.ToThreshold().Value}"),
            cancellationToken);

    /// <summary>The delays after which HR sees a case flagged as stalled, per state, and after which a waiting party is nudged.</summary>
    public async Task<Result<StallingRules>> GetStallingRulesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadStallingRules", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StallingRulesAsync(cancellationToken);
    }

    /// <summary>Checked by the domain whatever the caller built.</summary>
    public Task<Result> SetStallingRulesAsync(Actor actor, StallingRules input, CancellationToken cancellationToken = default) =>
        ChangeSettingsAsync(actor, "SetStallingRules", SecurityEventKind.StallingRulesChanged,
            () => StallingRules.Create(input.ProposedDays, input.PreliminaryInterviewDays, input.UnderDiscussionDays, input.AcceptedDays,
                input.ObjectivesSetDays, input.InSessionsDays, input.NudgeDays).Map<Action<BudgetSettings>>(rules => settings => settings.Apply(rules)),
            settings => Describe(settings.ToStallingRules()),
            cancellationToken);

    /// <summary>Whether a beneficiary's late cancellation or no-show uses up the session's planned time.</summary>
    public async Task<Result<MissedMeetingPolicy>> GetMissedMeetingPolicyAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadMissedMeetingPolicy", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MissedMeetingPolicyAsync(cancellationToken);
    }

    public Task<Result> SetMissedMeetingPolicyAsync(Actor actor, MissedMeetingPolicy policy, CancellationToken cancellationToken = default) =>
        ChangeSettingsAsync(actor, "SetMissedMeetingPolicy", SecurityEventKind.MissedMeetingPolicyChanged,
            () => Result<Action<BudgetSettings>>.Success(settings => settings.MissedMeetingConsumesBudget = policy.ConsumesBudget),
            settings => FormattableString.Invariant($"consumesBudget={settings.MissedMeetingConsumesBudget}"),
            cancellationToken);

    /// <summary>The limits of confidentiality and the code of ethics every new agreement copies (a drawn-up version keeps its own).</summary>
    public async Task<Result<AgreementTerms>> GetAgreementTermsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadAgreementTerms", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AgreementTermsAsync(cancellationToken);
    }

    public Task<Result> SetAgreementTermsAsync(Actor actor, string? exceptionsFrench, string? exceptionsEnglish, string? codeOfEthics, CancellationToken cancellationToken = default) =>
        ChangeSettingsAsync(actor, "SetAgreementTerms", SecurityEventKind.AgreementTermsChanged,
            () => AgreementTerms.Create(exceptionsFrench, exceptionsEnglish, codeOfEthics).Map<Action<BudgetSettings>>(terms => settings => settings.Apply(terms)),
            // The texts are the admin's own, not case text; the audit keeps the code and the texts' lengths to stay short.
            DescribeTerms,
            cancellationToken);

    /// <summary>Who people write to about their personal data, printed in the privacy notice.</summary>
    public async Task<Result<string?>> GetPrivacyContactAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadPrivacyContact", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PrivacyContactAsync(cancellationToken);
    }

    public Task<Result> SetPrivacyContactAsync(Actor actor, string? contact, CancellationToken cancellationToken = default) =>
        ChangeSettingsAsync(actor, "SetPrivacyContact", SecurityEventKind.PrivacyContactChanged,
            () => PrivacyContact.Create(contact).Map<Action<BudgetSettings>>(value => settings => settings.PrivacyContact = value),
            settings => settings.PrivacyContact ?? "-",
            cancellationToken);

    private static string DescribeTerms(BudgetSettings settings)
    {
        var terms = settings.ToAgreementTerms();
        return FormattableString.Invariant(
            $"codeOfEthics={terms.CodeOfEthics}; exceptionsFrench={terms.ConfidentialityExceptionsFrench.Length} chars; exceptionsEnglish={terms.ConfidentialityExceptionsEnglish.Length} chars");
    }

    /// <summary>
    /// One change to the programme settings, by an administrator: checked (<paramref name="check"/> gives the change or the
    /// domain's refusal), applied, saved, and audited as <paramref name="describe"/> reads the settings before and after.
    /// </summary>
    private Task<Result> ChangeSettingsAsync(Actor actor, string operation, SecurityEventKind kind, Func<Result<Action<BudgetSettings>>> check,
        Func<BudgetSettings, string> describe, CancellationToken cancellationToken) =>
        logger.LoggingRefusals(actor, operation, ChangeSettingsCoreAsync(actor, kind, check, describe, cancellationToken));

    private async Task<Result> ChangeSettingsCoreAsync(Actor actor, SecurityEventKind kind, Func<Result<Action<BudgetSettings>>> check,
        Func<BudgetSettings, string> describe, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var change = check();
        if (change.IsFailure)
        {
            return change.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.BudgetSettingsForUpdateAsync(cancellationToken);
        var before = describe(settings);
        change.Value(settings);
        await db.SaveChangesAsync(cancellationToken);
        var after = describe(settings);
        if (before != after)
        {
            await audit.RecordAsync(kind, actor.UserId, null, before, after, cancellationToken);
        }

        return Result.Success();
    }

    private static async Task<bool> IsManagerAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId) is { } manager && await users.IsInRoleAsync(manager, Roles.Manager);

    private static async Task<string?> EmailOfAsync(UserManager<ApplicationUser> users, string? userId) =>
        userId is null ? null : (await users.FindByIdAsync(userId))?.Email ?? userId;

    // Audit values: facts an administrator set, never a password, a token or case text.
    private static string Organisation(string? department, string? managerEmail) => $"department={department ?? "-"}; manager={managerEmail ?? "-"}";

    private static string Describe(IntervenerProfile profile) =>
        FormattableString.Invariant($"domains={string.Join(",", profile.Domains)}; capacity={profile.MaxActiveCases}; rateCents={profile.HourlyRateCents}");

    private static string Describe(StallingRules r) => FormattableString.Invariant(
        $"proposed={r.ProposedDays}; interview={r.PreliminaryInterviewDays}; discussion={r.UnderDiscussionDays}; accepted={r.AcceptedDays}; objectivesSet={r.ObjectivesSetDays}; inSessions={r.InSessionsDays}; nudge={r.NudgeDays}");


    private static Error Rejected(IdentityResult result)
    {
        var reasons = string.Join(" ", result.Errors.Select(e => e.Description));
        return AdministrationErrors.AccountRejected.With(reasons, reasons);
    }
}
