namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// A product whose sales or rating moved since its index row was last brought up to date. Sales and reviews come in
/// storms (a flash sale); they leave a mark here, and <see cref="ProductCountsFlush"/> reads each marked product once
/// per round. <see cref="Mark"/> is new on every marking, so one made while a round reads is not cleared by it.
/// </summary>
internal sealed class ProductMark
{
    public long ProductId { get; init; }

    public long Mark { get; set; }
}
