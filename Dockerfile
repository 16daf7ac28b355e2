# syntax=docker/dockerfile:1
# Avnera web app: SDK build stage → ASP.NET runtime image, non-root, listening on 8080.
# blazor.web.js comes with the SDK's framework assets (restored with the project); publish puts it into wwwroot.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Avnera.Blazor.sln ./
COPY Avnera.Data/Avnera.Data.csproj Avnera.Data/
COPY Avnera.Web/Avnera.Web.csproj Avnera.Web/
RUN dotnet restore Avnera.Web/Avnera.Web.csproj
COPY Avnera.Data/ Avnera.Data/
COPY Avnera.Web/ Avnera.Web/
RUN dotnet publish Avnera.Web/Avnera.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true
COPY --from=build /app ./
# The image's built-in unprivileged user.
USER $APP_UID
EXPOSE 8080
# Configuration comes from the environment: ConnectionStrings__Master/Products/Orders (request login),
# ConnectionStrings__MasterService/ProductsService/OrdersService (service login; decision 0008),
# ConnectionStrings__*Owner to migrate, ENCRYPTION_KEY, and Avnera__PublicOrigin (the platform's public address,
# e.g. https://shops.example.com; required to serve). Run `migrate` once per release:
#   docker run --rm -e ... avnera migrate
ENTRYPOINT ["dotnet", "Avnera.Web.dll"]
