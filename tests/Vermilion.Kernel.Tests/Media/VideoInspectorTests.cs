using System.Text;
using Vermilion.Kernel.Media;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Media;

public sealed class VideoInspectorTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("vermilion-video-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Mp4_IsProbedForItsSizeLengthAndSound()
    {
        var (video, rejection) = await InspectAsync(TestVideos.Mp4(64, 48, 2.5));

        Assert.Null(rejection);
        Assert.Equal((VideoFormat.Mp4, 64, 48, true), (video!.Format, video.Width, video.Height, video.HasAudio));
        Assert.InRange(video.DurationSeconds, 2.4, 2.7);
    }

    [Fact]
    public async Task PhoneVideoTurnedOnItsSide_IsMeasuredUpright()
    {
        var (video, _) = await InspectAsync(TestVideos.Mp4(64, 48, 2, rotate: 90));

        Assert.Equal((48, 64), (video!.Width, video.Height));
    }

    [Fact]
    public async Task WebM_IsProbed()
    {
        var (video, _) = await InspectAsync(TestVideos.WebM(64, 48, 2));

        Assert.Equal((VideoFormat.WebM, 64, 48), (video!.Format, video.Width, video.Height));
    }

    [Fact]
    public async Task Videos_OutsideTheLengthLimits_AreRefused()
    {
        var shortLimits = VideoLimits.NoteVideo with { MaxDuration = TimeSpan.FromSeconds(2) };

        Assert.Equal(VideoRejection.TooShort, (await InspectAsync(TestVideos.Mp4(64, 48, 0.5))).Rejection);
        Assert.Equal(VideoRejection.TooLong, (await InspectAsync(TestVideos.Mp4(64, 48, 3), shortLimits)).Rejection);
    }

    [Fact]
    public async Task CutFile_IsRefusedAsTruncated()
    {
        var whole = TestVideos.Mp4(64, 48, 2);

        Assert.Equal(VideoRejection.Truncated, (await InspectAsync(whole[..(whole.Length / 2)])).Rejection);
    }

    [Fact]
    public async Task SoundOnly_AndOtherFormats_AreRefused()
    {
        Assert.Equal(VideoRejection.NoPicture, (await InspectAsync(TestVideos.SoundOnly(2))).Rejection);
        Assert.Equal(VideoRejection.Unsupported, (await InspectAsync(Encoding.ASCII.GetBytes("GIF89a and then some bytes"))).Rejection);
        Assert.False(VideoInspector.LooksLikeVideo(TestImages.Png(20, 20)));
        Assert.True(VideoInspector.LooksLikeVideo(TestVideos.WebM(32, 32, 1)));
    }

    [Fact]
    public async Task Videos_OverTheSizeLimit_AreRefusedBeforeProbing()
    {
        var tiny = VideoLimits.NoteVideo with { MaxBytes = 100 };

        Assert.Equal(VideoRejection.TooLarge, (await InspectAsync(TestVideos.Mp4(64, 48, 2), tiny)).Rejection);
    }

    [Fact]
    public async Task Rendition_IsH264WithItsIndexFirstAndNoMetadata_AndHasAPosterFrame()
    {
        var source = Write(TestVideos.Mp4(96, 64, 2));
        var target = Path.Combine(folder.FullName, "rendition.mp4");
        var reports = new List<double>();

        var (done, errors) = await VideoRendition.RenderAsync(source, target, 2, new Progress<double>(reports.Add), CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(target);
        var text = Encoding.Latin1.GetString(bytes);
        var poster = await VideoRendition.PosterFrameAsync(target, 2, CancellationToken.None);

        Assert.True(done, errors);
        Assert.True(text.IndexOf("moov", StringComparison.Ordinal) < text.IndexOf("mdat", StringComparison.Ordinal), "moov comes before mdat");
        Assert.Contains("avc1", text, StringComparison.Ordinal);
        Assert.Contains("mp4a", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestVideos.SecretText, text, StringComparison.Ordinal);
        Assert.Equal(ImageFormat.Png, ImageInspector.Detect(poster));
        Assert.Equal(96, ImageInspector.Inspect(poster, ImageLimits.Stored).Header!.Width);
    }

    private Task<(CheckedVideo? Video, VideoRejection? Rejection)> InspectAsync(byte[] file, VideoLimits? limits = null) =>
        VideoInspector.InspectAsync(Write(file), limits ?? VideoLimits.NoteVideo, CancellationToken.None);

    private string Write(byte[] file)
    {
        var path = Path.Combine(folder.FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, file);
        return path;
    }
}
