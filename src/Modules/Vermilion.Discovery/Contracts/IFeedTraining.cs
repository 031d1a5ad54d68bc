namespace Vermilion.Discovery.Contracts;

/// <summary>Trains the discovery feed now (the <c>train</c> command, operators, tests); the schedule does it by itself.</summary>
public interface IFeedTraining
{
    /// <summary>Catches up the community's notes and interactions, trains, saves the model and serves it.</summary>
    Task<FeedTrainingResult> TrainAsync(FeedTrainingRequest request, IProgress<string>? progress, CancellationToken cancellationToken);
}

/// <param name="Threads">Cores to use; the configured number when null.</param>
public sealed record FeedTrainingRequest(int? Threads = null);

/// <summary>What a training run read, produced and took.</summary>
public sealed record FeedTrainingResult(int Notes, int People, long Signals, int PeopleWithCandidates, TimeSpan Took, string ModelPath, string Summary);
