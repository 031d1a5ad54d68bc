using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Which channel a note belongs to, from its topics. A channel is defined by one topic (美食); other topics join
/// the channel they are used with most (家常菜 and 探店 appear beside 美食), learned from the notes themselves, so
/// a note tagged only #探店# still lands in 美食. Failing topics, a channel's name in the title places a note.
/// </summary>
internal sealed class ChannelMap
{
    private readonly Dictionary<string, int> channelOfTopic;

    private ChannelMap(IReadOnlyList<ChannelDefinition> channels, Dictionary<string, int> channelOfTopic)
    {
        Channels = channels;
        this.channelOfTopic = channelOfTopic;
    }

    public IReadOnlyList<ChannelDefinition> Channels { get; }

    public int IndexOf(string key)
    {
        for (var c = 0; c < Channels.Count; c++)
        {
            if (Channels[c].Key == key)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The channel a topic (or an interest) stands for, or -1.</summary>
    public int OfTopic(string topic) => channelOfTopic.GetValueOrDefault(topic, -1);

    public int OfNote(IReadOnlyList<string> topics, string title)
    {
        Span<int> votes = stackalloc int[Math.Max(1, Channels.Count)];
        votes.Clear();
        var best = -1;
        foreach (var topic in topics)
        {
            if (channelOfTopic.TryGetValue(topic, out var channel))
            {
                // The channel's own topic decides outright.
                if (Channels[channel].Topic == topic)
                {
                    return channel;
                }

                if (++votes[channel] > (best < 0 ? 0 : votes[best]))
                {
                    best = channel;
                }
            }
        }

        if (best >= 0)
        {
            return best;
        }

        for (var c = 0; c < Channels.Count; c++)
        {
            if (title.Contains(Channels[c].Topic, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return -1;
    }

    public static ChannelMap Learn(IReadOnlyList<ChannelDefinition> channels, IEnumerable<IReadOnlyList<string>> noteTopics)
    {
        var byTopic = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < channels.Count; c++)
        {
            byTopic.TryAdd(channels[c].Topic, c);
        }

        var together = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var topics in noteTopics)
        {
            foreach (var topic in topics)
            {
                if (byTopic.TryGetValue(topic, out var channel) && channels[channel].Topic == topic)
                {
                    foreach (var other in topics)
                    {
                        if (other != topic && !IsChannelTopic(other, channels))
                        {
                            if (!together.TryGetValue(other, out var counts))
                            {
                                together[other] = counts = new int[channels.Count];
                            }

                            counts[channel]++;
                        }
                    }
                }
            }
        }

        var map = new Dictionary<string, int>(byTopic, StringComparer.Ordinal);
        foreach (var (topic, counts) in together)
        {
            var best = 0;
            for (var c = 1; c < counts.Length; c++)
            {
                if (counts[c] > counts[best])
                {
                    best = c;
                }
            }

            // A topic joins a channel when it was seen with it at least twice and mostly with it.
            if (counts[best] >= 2 && counts[best] * 2 > counts.Sum())
            {
                map[topic] = best;
            }
        }

        return new ChannelMap(channels, map);
    }

    private static bool IsChannelTopic(string topic, IReadOnlyList<ChannelDefinition> channels) => channels.Any(c => c.Topic == topic);
}
