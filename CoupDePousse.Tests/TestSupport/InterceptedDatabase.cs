using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>The test database seen through extra interceptors, e.g. the production SQLite pragmas.</summary>
public sealed class InterceptedDatabase(TestDatabase database, params IInterceptor[] interceptors) : IDbContextFactory<AppDbContext>
{
    /// <summary>WAL journal and busy timeout, as the app opens its connections.</summary>
    public static InterceptedDatabase WithProductionPragmas(TestDatabase database) => new(database, new SqlitePragmaInterceptor());

    public CaseService Cases() => new(this, new CaseCommandRunner(this, database.Clock, database.Logger<CaseCommandRunner>()), database.Clock, database.Logger<CaseService>());

    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>(database.Options).AddInterceptors(interceptors).Options, database.DataProtection);
}
