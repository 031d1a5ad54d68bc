using Vermilion.Kernel.Events;

namespace Vermilion.Commerce.Contracts;

/// <summary>A product was created or edited, or put on or off the shelf: what it says or who may see it changed.</summary>
public sealed record ProductChanged(long ProductId, long StoreId) : IDomainEvent;

/// <summary>An order was paid, so these products' sales counts moved.</summary>
public sealed record ProductsSold(long OrderId, IReadOnlyList<long> ProductIds) : IDomainEvent;

/// <summary>The product cards on a note were set; <paramref name="ProductIds"/> are the products on it before and after.</summary>
public sealed record NoteProductsChanged(long NoteId, IReadOnlyList<long> ProductIds) : IDomainEvent;
