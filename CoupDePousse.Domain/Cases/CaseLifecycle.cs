using Stateless.Graph;

namespace CoupDePousse.Domain.Cases;

public static class CaseLifecycle
{
    /// <summary>The lifecycle as a Mermaid diagram, generated from the machine itself.</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(CoachingCase.DescribeLifecycle().GetInfo(), MermaidGraphDirection.TopToBottom);
}
