using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Diagnostics;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Hosting;

/// <summary>Instances that start together on one PostgreSQL database migrate and upgrade it one after the other, never at once.</summary>
public class MigrationOnceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_starting_together_on_a_fresh_database_both_come_up_with_each_migration_and_role_written_once()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        var keys = Deployment.TemporaryFolder();
        var connectionString = await Deployment.EmptyPostgresDatabaseAsync(Token);
        try
        {
            await using var first = new InstanceAppFactory(connectionString, keys);
            await using var second = new InstanceAppFactory(connectionString, keys);

            var clients = await Task.WhenAll(Task.Run(first.CreateClient, Token), Task.Run(second.CreateClient, Token));

            foreach (var client in clients)
            {
                (await client.GetAsync(Health.ReadyPath, Token)).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Token);
            await using var context = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options, TestDatabase.SharedDataProtection);
            var applied = await context.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync(Token);
            applied.Should().BeEquivalentTo(context.Database.GetMigrations(), "each migration is written once");
            var roles = await context.Database.SqlQueryRaw<string>("""SELECT "Name" AS "Value" FROM "AspNetRoles" """).ToListAsync(Token);
            roles.Should().BeEquivalentTo(Roles.All, "each role is created once");
        }
        finally
        {
            await Deployment.DropPostgresDatabaseAsync(connectionString);
            Deployment.Remove(keys);
        }
    }

    [Fact]
    public async Task Two_instances_upgrading_the_same_plain_text_at_once_encrypt_each_value_once()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await database.SaveAsync(WithIntervener())).Id);
        }

        // As an older version left it: the request in plain text.
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "Description" = 'plain ' || "Id" """, Token);
        }

        var encrypted = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateDbContext();
            await using (await DatabaseStartup.StartupLockAsync(db, Token))
            {
                return await DatabaseStartup.MigrateAsync(db, Token);
            }
        }, Token)));

        encrypted.Sum().Should().Be(ids.Count, "one instance encrypts them, the other finds nothing left to do");
        foreach (var id in ids)
        {
            (await database.LoadAsync(id)).Description.Should().Be($"plain {id}");
        }
    }

    [Fact]
    public async Task The_startup_lock_makes_a_second_instance_wait_until_the_first_has_finished()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var firstContext = database.CreateDbContext();
        await using var secondContext = database.CreateDbContext();

        var held = await DatabaseStartup.StartupLockAsync(firstContext, Token);
        var waiting = DatabaseStartup.StartupLockAsync(secondContext, Token);
        var finished = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1), Token));
        finished.Should().NotBeSameAs(waiting, "the second instance waits while the first holds the lock");

        await held.DisposeAsync();
        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Token);
    }
}
