using System.Text;
using Vermilion.Kernel.Media;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Media;

public sealed class VideoInspectorTests
{
    [Fact]
    public void Mp4_IsReadAndLosesItsLocationWithoutMovingAByte()
    {
        var original = TestVideos.Mp4(1080, 1920, 12.5);

        var (video, rejection, cleaned) = Inspect(original);

        Assert.Null(rejection);
        Assert.Equal((VideoFormat.Mp4, 1080, 1920, 12.5), (video!.Format, video.Width, video.Height, video.DurationSeconds));
        Assert.Equal(original.Length, cleaned.Length);
        Assert.DoesNotContain(TestVideos.SecretText, Encoding.Latin1.GetString(cleaned), StringComparison.Ordinal);
        Assert.Contains("free", Encoding.Latin1.GetString(cleaned), StringComparison.Ordinal);
        Assert.Equal(original[^4000..], cleaned[^4000..]);
    }

    [Fact]
    public void Mp4_WithA64BitMediaBox_IsRead()
    {
        var (video, rejection, _) = Inspect(TestVideos.Mp4(640, 360, 3, largeMdat: true));

        Assert.Null(rejection);
        Assert.Equal(3, video!.DurationSeconds);
    }

    [Fact]
    public void WebM_IsReadAndLosesItsTags()
    {
        var original = TestVideos.WebM(480, 640, 2.5);

        var (video, rejection, cleaned) = Inspect(original);

        Assert.Null(rejection);
        Assert.Equal((VideoFormat.WebM, 480, 640, 2.5), (video!.Format, video.Width, video.Height, video.DurationSeconds));
        Assert.Equal(original.Length, cleaned.Length);
        Assert.DoesNotContain(TestVideos.SecretText, Encoding.Latin1.GetString(cleaned), StringComparison.Ordinal);
        Assert.Contains((byte)0xEC, cleaned);
    }

    [Fact]
    public void WebM_RecordedLive_TakesItsLengthFromTheLastBlock()
    {
        var (video, rejection, _) = Inspect(TestVideos.WebM(320, 240, 4, live: true));

        Assert.Null(rejection);
        Assert.Equal(4, video!.DurationSeconds);
    }

    [Theory]
    [InlineData(0.5, VideoRejection.TooShort)]
    [InlineData(16 * 60, VideoRejection.TooLong)]
    public void Videos_OutsideTheLengthLimits_AreRefused(double seconds, VideoRejection expected)
    {
        Assert.Equal(expected, Inspect(TestVideos.Mp4(640, 360, seconds)).Rejection);
        Assert.Equal(expected, Inspect(TestVideos.WebM(640, 360, seconds)).Rejection);
    }

    [Fact]
    public void Videos_TooBigAPicture_AreRefused()
    {
        Assert.Equal(VideoRejection.Dimensions, Inspect(TestVideos.Mp4(8000, 4000, 3)).Rejection);
        Assert.Equal(VideoRejection.Dimensions, Inspect(TestVideos.WebM(8, 8, 3)).Rejection);
    }

    [Fact]
    public void CutFiles_AreRefusedAsTruncated()
    {
        var mp4 = TestVideos.Mp4(640, 360, 3);
        var webm = TestVideos.WebM(640, 360, 3);

        Assert.Equal(VideoRejection.Truncated, Inspect(mp4[..(mp4.Length - 100)]).Rejection);
        Assert.Equal(VideoRejection.Truncated, Inspect(mp4[..60]).Rejection);
        Assert.Equal(VideoRejection.Truncated, Inspect(webm[..(webm.Length - 30)]).Rejection);
    }

    [Fact]
    public void SoundOnly_AndOtherFormats_AreRefused()
    {
        Assert.Equal(VideoRejection.NoPicture, Inspect(TestVideos.Mp4(0, 0, 3, videoTrack: false)).Rejection);
        Assert.Equal(VideoRejection.Unsupported, Inspect(TestVideos.WebM(640, 360, 3, docType: "matroska")).Rejection);
        Assert.Equal(VideoRejection.Unsupported, Inspect(Encoding.ASCII.GetBytes("RIFF....AVI LIST")).Rejection);
        Assert.Equal(VideoRejection.Empty, Inspect([]).Rejection);
        Assert.False(VideoInspector.LooksLikeVideo(TestImages.Png(20, 20)));
        Assert.True(VideoInspector.LooksLikeVideo(TestVideos.WebM(20, 20, 2)));
    }

    [Fact]
    public void Videos_OverTheSizeLimit_AreRefusedBeforeReading()
    {
        var limits = VideoLimits.NoteVideo with { MaxBytes = 1000 };
        using var stream = new MemoryStream(TestVideos.Mp4(640, 360, 3));

        Assert.Equal(VideoRejection.TooLarge, VideoInspector.InspectAndClean(stream, limits).Rejection);
    }

    private static (CheckedVideo? Video, VideoRejection? Rejection, byte[] Cleaned) Inspect(byte[] file)
    {
        using var stream = new MemoryStream();
        stream.Write(file);
        var (video, rejection) = VideoInspector.InspectAndClean(stream, VideoLimits.NoteVideo);
        return (video, rejection, stream.ToArray());
    }
}
