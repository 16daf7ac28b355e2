using Avnera.Data.Master;

namespace Avnera.Tests.Unit;

public class RegisteredStoreTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2025, 2, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A store moved along legal steps to <paramref name="status"/>, all stamped at <see cref="Created"/>.</summary>
    private static RegisteredStore Store(StoreStatus status, bool isActive = true)
    {
        var store = new RegisteredStore(Created) { Slug = "maison-lumiere", Name = "Maison Lumière" };
        if (!isActive) store.SwitchOff(Created);
        StoreStatus[] path = status switch
        {
            StoreStatus.Provisioning => [],
            StoreStatus.Active => [StoreStatus.Active],
            StoreStatus.Suspended => [StoreStatus.Active, StoreStatus.Suspended],
            _ => [StoreStatus.Active, StoreStatus.Deleted],
        };
        foreach (var step in path)
        {
            if (step == StoreStatus.Active) store.Activate(Created);
            else if (step == StoreStatus.Suspended) store.Suspend(Created);
            else store.Delete(Created);
        }
        Assert.Equal(status, store.Status);
        return store;
    }

    [Fact]
    public void IsServing_ActiveAndSwitchedOn_IsTrue()
    {
        Assert.True(Store(StoreStatus.Active).IsServing);
    }

    [Fact]
    public void IsServing_ActiveButSwitchedOffByOperator_IsFalse()
    {
        Assert.False(Store(StoreStatus.Active, isActive: false).IsServing);
    }

    [Theory]
    [InlineData(StoreStatus.Provisioning)]
    [InlineData(StoreStatus.Suspended)]
    [InlineData(StoreStatus.Deleted)]
    public void IsServing_NotActiveStatus_IsFalseEvenWhenSwitchedOn(StoreStatus status)
    {
        Assert.False(Store(status).IsServing);
    }

    [Fact]
    public void NewStore_IsProvisioningAndNotServing()
    {
        var store = new RegisteredStore(Created) { Slug = "new-store", Name = "New" };

        Assert.Equal(StoreStatus.Provisioning, store.Status);
        Assert.True(store.IsActive);
        Assert.Equal(Created, store.CreatedAt);
        Assert.Equal(Created, store.UpdatedAt);
        Assert.False(store.IsServing);
    }

    [Fact]
    public void Suspend_ActiveStore_StopsServingAndStampsUpdatedAt()
    {
        var store = Store(StoreStatus.Active);

        store.Suspend(Later);

        Assert.Equal(StoreStatus.Suspended, store.Status);
        Assert.Equal(Later, store.UpdatedAt);
        Assert.False(store.IsServing);
    }

    [Theory]
    [InlineData(StoreStatus.Provisioning)]
    [InlineData(StoreStatus.Suspended)]
    public void Activate_NotDeletedStore_StartsServingAndStampsUpdatedAt(StoreStatus status)
    {
        var store = Store(status);

        store.Activate(Later);

        Assert.Equal(StoreStatus.Active, store.Status);
        Assert.Equal(Later, store.UpdatedAt);
        Assert.True(store.IsServing);
    }

    [Fact]
    public void Activate_SwitchedOffStore_StaysNotServing()
    {
        var store = Store(StoreStatus.Suspended, isActive: false);

        store.Activate(Later);

        Assert.Equal(StoreStatus.Active, store.Status);
        Assert.False(store.IsServing);
    }

    [Fact]
    public void Activate_DeletedStore_ThrowsAndStaysDeleted()
    {
        var store = Store(StoreStatus.Deleted);

        var error = Assert.Throws<InvalidOperationException>(() => store.Activate(Later));

        Assert.Equal(StoreStatus.Deleted, store.Status);
        Assert.Equal(Created, store.UpdatedAt);
        Assert.Contains("maison-lumiere", error.Message);
    }

    [Fact]
    public void Suspend_DeletedStore_ThrowsAndStaysDeleted()
    {
        var store = Store(StoreStatus.Deleted);

        Assert.Throws<InvalidOperationException>(() => store.Suspend(Later));

        Assert.Equal(StoreStatus.Deleted, store.Status);
        Assert.Equal(Created, store.UpdatedAt);
    }

    [Theory]
    [InlineData(StoreStatus.Provisioning, StoreStatus.Suspended)]
    [InlineData(StoreStatus.Active, StoreStatus.Active)]
    [InlineData(StoreStatus.Suspended, StoreStatus.Suspended)]
    public void IllegalStatusChange_ThrowsWithBothStatesAndChangesNothing(StoreStatus from, StoreStatus to)
    {
        var store = Store(from);

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            if (to == StoreStatus.Active) store.Activate(Later);
            else store.Suspend(Later);
        });

        Assert.Contains($"from {from} to {to}", error.Message);
        Assert.Equal(from, store.Status);
        Assert.Equal(Created, store.UpdatedAt);
    }

    [Theory]
    [InlineData(StoreStatus.Provisioning)]
    [InlineData(StoreStatus.Active)]
    [InlineData(StoreStatus.Suspended)]
    public void Delete_AnyLiveStore_DeletesForGood(StoreStatus status)
    {
        var store = Store(status);

        store.Delete(Later);

        Assert.Equal(StoreStatus.Deleted, store.Status);
        Assert.Equal(Later, store.UpdatedAt);
        Assert.Throws<InvalidOperationException>(() => store.Delete(Later.AddDays(1)));
    }

    [Fact]
    public void SwitchOffAndOn_ToggleServingAndStampOnlyRealChanges()
    {
        var store = Store(StoreStatus.Active);

        store.SwitchOff(Later);
        Assert.False(store.IsActive);
        Assert.False(store.IsServing);
        Assert.Equal(Later, store.UpdatedAt);

        store.SwitchOff(Later.AddDays(1)); // already off: nothing changes
        Assert.Equal(Later, store.UpdatedAt);

        store.SwitchOn(Later.AddDays(2));
        Assert.True(store.IsServing);
        Assert.Equal(Later.AddDays(2), store.UpdatedAt);
    }

    [Fact]
    public void Switch_DeletedStore_Throws()
    {
        var store = Store(StoreStatus.Deleted, isActive: false);

        Assert.Throws<InvalidOperationException>(() => store.SwitchOn(Later));

        Assert.False(store.IsActive);
    }

    [Fact]
    public void AllowedTransitions_CoversEveryStatus()
    {
        Assert.All(Enum.GetValues<StoreStatus>(), s => Assert.True(RegisteredStore.AllowedTransitions.ContainsKey(s), $"{s} has no entry"));
    }
}
