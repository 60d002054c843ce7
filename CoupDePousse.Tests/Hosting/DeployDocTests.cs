namespace CoupDePousse.Tests.Hosting;

/// <summary>docs/deploy.md shows the nginx file the two-instance test runs, not a copy that drifted from it.</summary>
public sealed class DeployDocTests
{
    [Fact]
    public async Task The_deployment_guide_shows_the_nginx_configuration_the_test_runs_verbatim()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var configuration = (await File.ReadAllTextAsync(NginxProcess.SiteFile, cancellationToken)).TrimEnd().ReplaceLineEndings("\n");
        var guide = (await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(NginxProcess.SiteFile)!, "..", "deploy.md"), cancellationToken))
            .ReplaceLineEndings("\n");

        guide.Should().Contain("```nginx\n" + configuration + "\n```", "docs/deploy.md quotes docs/nginx/coupdepousse.conf whole; copy the file into it after a change");
    }
}
