using Vermilion.Kernel.Events;

namespace Vermilion.Commerce.Contracts;

/// <summary>A buyer placed an order (one per store in a checkout); amounts in fen.</summary>
public sealed record OrderPlaced(long OrderId, long BuyerId, long StoreId, long Total) : IDomainEvent;

/// <summary>An order was paid; <paramref name="NoteId"/> is the note it was bought from (笔记带货), if any.</summary>
public sealed record OrderPaid(long OrderId, long BuyerId, long StoreId, long StoreOwnerId, long Total, long? NoteId = null) : IDomainEvent;

public sealed record OrderShipped(long OrderId, long BuyerId, long StoreId, string Carrier, string TrackingNumber) : IDomainEvent;

/// <summary>An order completed and escrow paid out; <paramref name="Commission"/> went to <paramref name="CreatorId"/>.</summary>
public sealed record OrderCompleted(long OrderId, long BuyerId, long StoreId, long? NoteId, long? CreatorId, long Commission) : IDomainEvent;

/// <summary>An order ended without completing: cancelled by the buyer, closed unpaid, or refunded in full.</summary>
public sealed record OrderClosed(long OrderId, long BuyerId, long StoreId, string Reason) : IDomainEvent;

public sealed record RefundIssued(long RefundId, long OrderId, long BuyerId, long Amount) : IDomainEvent;

public sealed record AfterSaleRequested(long AfterSaleId, long OrderId, long BuyerId, long StoreId, long StoreOwnerId) : IDomainEvent;

public sealed record AfterSaleDecided(long AfterSaleId, long OrderId, long BuyerId, bool Approved, bool Automatically) : IDomainEvent;

public sealed record ReviewPosted(long ReviewId, long ProductId, long StoreId, long StoreOwnerId, long BuyerId, int Rating) : IDomainEvent;

public sealed record ReviewReplied(long ReviewId, long BuyerId, long StoreId) : IDomainEvent;

public sealed record StoreApplied(long StoreId, long OwnerId, string Name) : IDomainEvent;

public sealed record StoreDecided(long StoreId, long OwnerId, bool Approved) : IDomainEvent;

/// <summary>An approved store asked to change its name, kind or licence; it trades as before until a moderator decides.</summary>
public sealed record StoreChangeRequested(long StoreId, long OwnerId, string Name) : IDomainEvent;

public sealed record StoreChangeDecided(long StoreId, long OwnerId, bool Approved) : IDomainEvent;
