using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.TestSupport;

public static partial class RetentionHarness
{
    /// <summary>The retention job on the test database and its clock, under a holder name of its own.</summary>
    public static RetentionJob RetentionJob(this TestDatabase database, string holder = "instance-1", int batchSize = 500) =>
        new(database, new PersonErasure(database, database.Clock), database.Clock, database.Logger<RetentionJob>()) { Holder = holder, BatchSize = batchSize };

    /// <summary>The privacy tab's service, wired as the app wires it.</summary>
    public static RetentionService Retention(this TestDatabase database) =>
        database.AccountServices(services =>
        {
            services.AddSingleton(_ => new PersonErasure(database, database.Clock));
            services.AddSingleton(_ => database.RetentionJob());
            services.AddScoped<RetentionService>();
        }).GetRequiredService<RetentionService>();

    /// <summary>
    /// Every text value of every column of every table, read raw from the SQLite file (sqlite_master, pragma table_info),
    /// with each encrypted payload found in it (a whole column or a value inside JSON) decrypted under every purpose of the model.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, string Column, string Value)>> EveryTextAsync(this TestDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        var protectors = ConfidentialText.Properties(db.Model).Select(p => p.Purpose).Distinct()
            .Select(purpose => database.DataProtection.CreateProtector(purpose)).ToList();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var texts = new List<(string, string, string)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var raw = reader.GetValue(i) switch
                    {
                        string s => s,
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        _ => null,
                    };
                    if (raw is null)
                    {
                        continue;
                    }

                    texts.Add((table, reader.GetName(i), raw));
                    foreach (Match payload in Payload().Matches(raw))
                    {
                        foreach (var protector in protectors)
                        {
                            try
                            {
                                texts.Add((table, reader.GetName(i) + " (decrypted)", protector.Unprotect(payload.Value)));
                                break;
                            }
                            catch (System.Security.Cryptography.CryptographicException)
                            {
                                // Another purpose.
                            }
                        }
                    }
                }
            }
        }

        return texts;
    }

    [GeneratedRegex(@"CfDJ8[A-Za-z0-9_\-]+")]
    private static partial Regex Payload();
}
