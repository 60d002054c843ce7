using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.Tests.Domain.Catalogue;

public class CatalogueTests
{
    [Fact]
    public void The_catalogue_has_the_three_domains_of_the_concept()
    {
        CoachingCatalogue.Domains.Select(d => d.Domain).Should().Equal(
            CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics, CoachingDomain.StressAndEmotions);
        CoachingCatalogue.Domains.Select(d => d.French).Should().Equal(
            "Management et communication", "Stratégique et tactique", "Stress et émotions");
    }

    [Fact]
    public void Every_domain_says_what_the_push_brings_in_French_and_English()
    {
        foreach (var domain in CoachingCatalogue.Domains)
        {
            domain.English.Should().NotBeNullOrWhiteSpace();
            domain.PushFrench.Should().NotBeEmpty().And.OnlyContain(text => !string.IsNullOrWhiteSpace(text));
            domain.PushEnglish.Should().HaveSameCount(domain.PushFrench).And.OnlyContain(text => !string.IsNullOrWhiteSpace(text));
        }
    }

    [Theory]
    [InlineData(CoachingDomain.ManagementAndCommunication, 9)]
    [InlineData(CoachingDomain.StrategyAndTactics, 5)]
    [InlineData(CoachingDomain.StressAndEmotions, 4)]
    public void Each_domain_has_the_topics_of_the_concept(CoachingDomain domain, int count)
    {
        CoachingCatalogue.TopicsOf(domain).Should().HaveCount(count);
    }

    [Fact]
    public void Every_topic_has_a_unique_code_and_a_French_and_an_English_label()
    {
        CoachingCatalogue.Topics.Select(t => t.Code).Should().OnlyHaveUniqueItems();
        foreach (var topic in CoachingCatalogue.Topics)
        {
            topic.French.Should().NotBeNullOrWhiteSpace();
            topic.English.Should().NotBeNullOrWhiteSpace();
            topic.French.Should().NotBe(topic.English);
        }
    }

    [Fact]
    public void A_topic_is_found_by_its_code_and_an_unknown_code_finds_nothing()
    {
        CoachingCatalogue.FindTopic("one-off-stress")!.Domain.Should().Be(CoachingDomain.StressAndEmotions);
        CoachingCatalogue.FindTopic("knitting").Should().BeNull();
    }
}
