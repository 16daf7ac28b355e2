using Avnera.Data.Master;
using Avnera.Data.Tenancy;

namespace Avnera.Tests.Unit;

/// <summary>
/// The one store-status rule that both the tenant context factory and the request's CurrentStore apply:
/// every status and operator switch, for shoppers and staff (Serving) and for jobs (Maintenance).
/// </summary>
public class StoreAvailabilityTests
{
    public enum Outcome { Reached, NotFound, Unavailable }

    private static StoreRegistration Registration(StoreStatus status, bool isActive) =>
        new(Guid.NewGuid(), "maison-lumiere", "Maison Lumière", status, isActive, "Host=p", "Host=o", "Host=ps", "Host=os");

    private static Outcome Ask(StoreRegistration? registration, TenantAccess access)
    {
        try
        {
            Assert.Same(registration, StoreAvailability.Require(registration, "maison-lumiere", access));
            return Outcome.Reached;
        }
        catch (StoreNotFoundException e)
        {
            Assert.Equal("maison-lumiere", e.Key);
            return Outcome.NotFound;
        }
        catch (StoreUnavailableException e)
        {
            Assert.Equal((registration!.StoreId, registration.Slug, registration.Status), (e.StoreId, e.Slug, e.Status));
            return Outcome.Unavailable;
        }
    }

    [Theory]
    [InlineData(StoreStatus.Active, true, Outcome.Reached)]
    [InlineData(StoreStatus.Active, false, Outcome.Unavailable)]
    [InlineData(StoreStatus.Provisioning, true, Outcome.Unavailable)]
    [InlineData(StoreStatus.Provisioning, false, Outcome.Unavailable)]
    [InlineData(StoreStatus.Suspended, true, Outcome.Unavailable)]
    [InlineData(StoreStatus.Suspended, false, Outcome.Unavailable)]
    [InlineData(StoreStatus.Deleted, true, Outcome.NotFound)]
    [InlineData(StoreStatus.Deleted, false, Outcome.NotFound)]
    public void Require_ForShoppersAndStaff_ServesOnlyAnActiveSwitchedOnStore(StoreStatus status, bool isActive, Outcome expected)
    {
        Assert.Equal(expected, Ask(Registration(status, isActive), TenantAccess.Serving));
    }

    [Theory]
    [InlineData(StoreStatus.Active, true, Outcome.Reached)]
    [InlineData(StoreStatus.Active, false, Outcome.Reached)]
    [InlineData(StoreStatus.Provisioning, true, Outcome.Reached)]
    [InlineData(StoreStatus.Suspended, false, Outcome.Reached)]
    [InlineData(StoreStatus.Deleted, true, Outcome.NotFound)]
    [InlineData(StoreStatus.Deleted, false, Outcome.NotFound)]
    public void Require_ForJobs_ReachesEveryStoreButADeletedOne(StoreStatus status, bool isActive, Outcome expected)
    {
        Assert.Equal(expected, Ask(Registration(status, isActive), TenantAccess.Maintenance));
    }

    [Theory]
    [InlineData(TenantAccess.Serving)]
    [InlineData(TenantAccess.Maintenance)]
    public void Require_UnregisteredStore_IsNotFoundForEveryone(TenantAccess access)
    {
        Assert.Equal(Outcome.NotFound, Ask(null, access));
    }
}
