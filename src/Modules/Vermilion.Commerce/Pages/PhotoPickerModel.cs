namespace Vermilion.Commerce.Pages;

/// <summary>The photo picker partial's field: its element id, form name and test id.</summary>
public sealed record PhotoPickerModel(string Id, string Name, string TestId);
