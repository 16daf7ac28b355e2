using Avnera.Data.Master;

namespace Avnera.Tests.Unit;

public class RegisteredStoreTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2025, 2, 1, 12, 0, 0, TimeSpan.Zero);

    private static RegisteredStore Store(StoreStatus status, bool isActive = true) => new()
    {
        Slug = "maison-lumiere",
        Name = "Maison Lumière",
        Status = status,
        IsActive = isActive,
        UpdatedAt = Created,
    };

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
        var store = new RegisteredStore { Slug = "new-store", Name = "New" };

        Assert.Equal(StoreStatus.Provisioning, store.Status);
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
}
