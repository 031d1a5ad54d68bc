using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Vermilion.Server.Tests;

/// <summary>
/// Module boundaries, read from the compiled IL: a module may use another module only through its
/// <c>Contracts</c> namespace; the kernel uses no module; the host uses a module's contracts and its
/// <c>XxxModule</c> registration class, nothing else.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Modules = [.. typeof(Program).Assembly.GetReferencedAssemblies()
        .Select(a => a.Name!)
        .Where(n => n.StartsWith("Vermilion.", StringComparison.Ordinal) && n != "Vermilion.Kernel")];

    [Fact]
    public void TheHostComposesAtLeastOneModule() => Assert.Contains("Vermilion.Accounts", Modules);

    [Fact]
    public void Modules_UseOtherModulesOnlyThroughContracts()
    {
        var violations = Modules.SelectMany(module => ForeignTypes(module).Where(t => !IsContract(t))).ToList();

        Assert.True(violations.Count == 0, "Reaching into another module:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Kernel_UsesNoModule()
    {
        var references = Assembly.Load("Vermilion.Kernel").GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(references, name => Modules.Contains(name));
    }

    [Fact]
    public void Host_UsesModulesOnlyThroughContractsAndRegistration()
    {
        var violations = ForeignTypes("Vermilion.Server")
            .Where(t => !IsContract(t) && !(t.Name.EndsWith("Module", StringComparison.Ordinal) && t.Namespace == t.Assembly))
            .ToList();

        Assert.True(violations.Count == 0, "The host reaches into a module:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Modules_ShowTheirInternalsToNoOtherModule()
    {
        foreach (var module in Modules)
        {
            var friends = Assembly.Load(module).GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
                .Select(a => a.AssemblyName);
            Assert.All(friends, friend => Assert.EndsWith(".Tests", friend, StringComparison.Ordinal));
        }
    }

    private static bool IsContract(ForeignType type) =>
        type.Namespace == type.Assembly + ".Contracts" || type.Namespace.StartsWith(type.Assembly + ".Contracts.", StringComparison.Ordinal);

    /// <summary>Every type the assembly's IL refers to in another Vermilion module.</summary>
    private static List<ForeignType> ForeignTypes(string assemblyName)
    {
        var path = Assembly.Load(assemblyName).Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new List<ForeignType>();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            var scope = reference.ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference)
            {
                scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            }

            if (scope.Kind != HandleKind.AssemblyReference)
            {
                continue;
            }

            var target = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            if (target != assemblyName && Modules.Contains(target))
            {
                var outer = reference;
                while (outer.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    outer = metadata.GetTypeReference((TypeReferenceHandle)outer.ResolutionScope);
                }

                found.Add(new ForeignType(assemblyName, target, metadata.GetString(outer.Namespace), metadata.GetString(reference.Name)));
            }
        }

        return found;
    }

    private sealed record ForeignType(string From, string Assembly, string Namespace, string Name)
    {
        public override string ToString() => $"{From} → {Namespace}.{Name} ({Assembly})";
    }
}
