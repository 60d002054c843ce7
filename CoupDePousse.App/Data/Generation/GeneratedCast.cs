using System.Globalization;
using System.Text;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.App.Data.Generation;

/// <summary>A generated account: who they are, their one role, their department and manager.</summary>
internal sealed record GeneratedPerson(string Id, string DisplayName, string Email, Role Role, string? Department, string? ManagerId)
{
    public Actor Actor => new(Id, Role);

    public BeneficiaryRef AsBeneficiary => new(Id, ManagerId, Role, Department);
}

/// <summary>
/// The people of a generated population: about two employees per case, one manager per eight employees, a few HR
/// members and a fixed pool of interveners whose capacities can carry the active cases.
/// </summary>
internal sealed class GeneratedCast
{
    public const int IntervenerCount = 60;
    public const string EmailDomain = "gen.local";

    private const int EmployeesPerCase = 2;
    private const int EmployeesPerManager = 8;
    private const double ShareWithoutDepartment = 0.03;

    private GeneratedCast(List<GeneratedPerson> managers, List<GeneratedPerson> employees, List<GeneratedPerson> hrMembers, List<GeneratedPerson> interveners, List<IntervenerProfile> profiles)
    {
        Managers = managers;
        Employees = employees;
        HrMembers = hrMembers;
        Interveners = interveners;
        Profiles = profiles;
    }

    public IReadOnlyList<GeneratedPerson> Managers { get; }

    /// <summary>Employees holding the Beneficiary role, each in a manager's team.</summary>
    public IReadOnlyList<GeneratedPerson> Employees { get; }

    public IReadOnlyList<GeneratedPerson> HrMembers { get; }

    public IReadOnlyList<GeneratedPerson> Interveners { get; }

    public IReadOnlyList<IntervenerProfile> Profiles { get; }

    /// <summary>Everyone, managers first so that the rows pointing at a manager come after it.</summary>
    public IEnumerable<GeneratedPerson> Everyone => Managers.Concat(HrMembers).Concat(Interveners).Concat(Employees);

    public int TotalCapacity => Profiles.Sum(p => p.MaxActiveCases);

    public static GeneratedCast Create(Random random, int cases)
    {
        var names = new NameSource(random);
        var employeeCount = Math.Max(2, cases * EmployeesPerCase);
        var managerCount = Math.Max(2, (int)Math.Round(employeeCount / (double)EmployeesPerManager));
        var hrCount = Math.Clamp(3 + cases / 10_000, 3, 20);

        // The first manager of each department heads it; the department's other managers report to them.
        var managers = new List<GeneratedPerson>(managerCount);
        var heads = new Dictionary<string, string>();
        for (var i = 0; i < managerCount; i++)
        {
            var department = i < GeneratedTexts.Departments.Count ? GeneratedTexts.Departments[i] : GeneratedTexts.Pick(random, GeneratedTexts.Departments);
            var id = NewId(random);
            var head = heads.TryGetValue(department, out var headId) ? headId : null;
            heads.TryAdd(department, id);
            managers.Add(names.Person(id, Role.Manager, department, head));
        }

        var employees = new List<GeneratedPerson>(employeeCount);
        for (var i = 0; i < employeeCount; i++)
        {
            var manager = GeneratedTexts.Pick(random, managers);
            var department = random.NextDouble() < ShareWithoutDepartment ? null : manager.Department;
            employees.Add(names.Person(NewId(random), Role.Beneficiary, department, manager.Id));
        }

        var hrMembers = Enumerable.Range(0, hrCount).Select(_ => names.Person(NewId(random), Role.HR, GeneratedTexts.HrDepartment, null)).ToList();
        var interveners = Enumerable.Range(0, IntervenerCount).Select(_ => names.Person(NewId(random), Role.Intervener, null, null)).ToList();
        var profiles = interveners.Select(i => IntervenerProfile.Create(i.Id, DomainsOfIntervener(random), random.Next(60, 101), random.Next(12, 37) * 5_00)).Select(r => r.Value).ToList();
        return new GeneratedCast(managers, employees, hrMembers, interveners, profiles);
    }

    // Most interveners cover two domains, some one, some all three.
    private static IEnumerable<CoachingDomain> DomainsOfIntervener(Random random)
    {
        var all = Enum.GetValues<CoachingDomain>();
        var count = random.NextDouble() switch { < 0.2 => 1, < 0.8 => 2, _ => 3 };
        return all.OrderBy(_ => random.Next()).Take(count).ToList();
    }

    /// <summary>An id from the seeded random, so that a seed gives the same people.</summary>
    public static string NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private sealed class NameSource(Random random)
    {
        private readonly Dictionary<string, string> _ascii = [];
        private int _sequence;

        public GeneratedPerson Person(string id, Role role, string? department, string? managerId)
        {
            var first = GeneratedTexts.Pick(random, GeneratedTexts.FirstNames);
            var last = GeneratedTexts.Pick(random, GeneratedTexts.LastNames);
            var email = $"{AsciiOf(first)}.{AsciiOf(last)}.{++_sequence}@{EmailDomain}";
            return new GeneratedPerson(id, $"{first} {last}", email, role, department, managerId);
        }

        private string AsciiOf(string name)
        {
            if (!_ascii.TryGetValue(name, out var ascii))
            {
                _ascii[name] = ascii = Ascii(name);
            }

            return ascii;
        }

        private static string Ascii(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var character in name.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetter(character))
                {
                    builder.Append(char.ToLowerInvariant(character));
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append('-');
                }
            }

            return builder.ToString();
        }
    }
}
